using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Risk:Recovery</c>: how a restarted engine takes over the orders and positions it finds on the
/// exchange (see docs/execution.md, "Restart: reconciliation"). Overridable per symbol.
/// </summary>
public sealed class RecoveryOptions
{
    /// <summary>Open orders with a client id Smallfish did not make: <c>leave</c> (default) or <c>cancel</c>. Reported either way.</summary>
    public ForeignOrderPolicy ForeignOrders { get; set; } = ForeignOrderPolicy.Leave;

    /// <summary>
    /// Stop distance in ticks for a position found without a stop when neither the journal knows its stop nor the book
    /// and features are ready for the stop rule. 0 (default) = the stop rule's widest distance: <c>Risk:Stop:MaxBps</c>
    /// of the entry price, never below <c>Risk:Stop:MinTicks</c>.
    /// </summary>
    [Range(0, 1_000_000)]
    public int FallbackStopTicks { get; set; }
}
