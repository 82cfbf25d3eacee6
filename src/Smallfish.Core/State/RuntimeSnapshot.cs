using System.Collections.Immutable;
using Smallfish.Core.Grid;

namespace Smallfish.Core.State;

/// <summary>
/// An immutable copy of <see cref="RuntimeState"/> for readers on other threads (status endpoint, Telegram, dashboard,
/// heartbeat). Money in quote currency, prices in ticks, sizes in lots, times in ns since the Unix epoch.
/// </summary>
public sealed record RuntimeSnapshot(
    long AsOfNs,
    decimal Equity,
    decimal PeakEquity,
    decimal DrawdownAbs,
    double DrawdownPct,
    double MaxDrawdownPct,
    ImmutableArray<PositionSnapshot> Positions,
    ImmutableArray<OrderSnapshot> WorkingOrders,
    ImmutableArray<SymbolScores> Scores,
    KillSwitchStatus KillSwitch,
    DailyTotals Daily,
    long LastLossNs,
    long EventsProcessed,
    long BookResyncs)
{
    /// <summary>
    /// The multigrid of every grid symbol (<c>Smallfish:Multigrid</c>), in symbol-table order; empty when the grid is
    /// off. What <c>/grid</c>, the status endpoint and the dashboard read (<c>GridViewFactory</c>, <c>GridStatusFactory</c>).
    /// </summary>
    public ImmutableArray<GridState> Grids { get; init; } = ImmutableArray<GridState>.Empty;
}
