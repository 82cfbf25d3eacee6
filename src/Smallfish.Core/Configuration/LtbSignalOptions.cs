using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// LTB, large trade burst (whale group, default weight 0.08): institutional-size taker orders clustered in time. Reads
/// the large orders of the whale window (<c>Microstructure:WhaleWindowMs</c>; large = above
/// <c>Microstructure:LargeTradePercentile</c> of recent order sizes) and scores their net volume in units of the large-order
/// threshold, so a burst of orders far above the usual large order counts and the usual stray large order does not.
/// </summary>
public sealed class LtbSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.08).</summary>
    public LtbSignalOptions()
    {
        Weight = 0.08;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Ltb;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Whale;

    /// <summary>Large orders on the dominant side within the whale window that make a burst.</summary>
    [Range(1, 1000)]
    public int MinTrades { get; set; } = 2;

    /// <summary>Net large volume (dominant side minus the other), in multiples of the large-order threshold, at full strength.</summary>
    [Range(1.0, 100_000.0)]
    public double FullSizeMultiple { get; set; } = 40.0;
}
