namespace Smallfish.Core.Recovery;

/// <summary>
/// What the journal knows at a restart, folded by <see cref="JournalRecoveryBuilder"/>: the orders it does not know to
/// be finished, the position it last knew per symbol, the executions it already booked, and the largest run and
/// decision sequence it ever used.
/// </summary>
/// <param name="OpenOrders">Orders sent and not journaled as finished, oldest first.</param>
/// <param name="Positions">The last known open position per symbol (flat symbols are left out).</param>
/// <param name="ExecIds">Execution ids of every journaled fill: an execution the exchange reports again is not booked twice.</param>
/// <param name="MaxRun">Largest run in any journaled client order id (0 = none).</param>
/// <param name="LastDecisionSequence">Largest decision sequence journaled (decisions and client order ids; 0 = none).</param>
/// <param name="LastActivityNs">
/// The latest time the journal knows of an order or a fill (sent, updated, filled; 0 = none): the restart reads the
/// exchange's executions from a margin before it, so nothing that filled after the journal's last record is missed.
/// </param>
/// <param name="SymbolActivityNs">
/// Per symbol, the latest time the journal knows of an order (sent or updated) or a fill there (null = none known):
/// the restart reads the executions of the symbols with recent activity, so an order that finished and closed again
/// while its fills were lost is still looked at.
/// </param>
/// <param name="ExchangeOrderIds">
/// Exchange order id to client order id, for the journal's orders sent within a week of its last activity (null =
/// none known): an execution row without a client id (Binance <c>userTrades</c>) is attributed through it.
/// </param>
public sealed record JournalRecovery(
    IReadOnlyList<KnownOrder> OpenOrders,
    IReadOnlyList<KnownPosition> Positions,
    IReadOnlySet<string> ExecIds,
    long MaxRun,
    long LastDecisionSequence,
    long LastActivityNs = 0,
    IReadOnlyDictionary<string, long>? SymbolActivityNs = null,
    IReadOnlyDictionary<string, string>? ExchangeOrderIds = null)
{
    /// <summary>An empty journal (first start, or the journal was lost).</summary>
    public static JournalRecovery Empty { get; } =
        new([], [], new HashSet<string>(StringComparer.Ordinal), 0, 0);
}
