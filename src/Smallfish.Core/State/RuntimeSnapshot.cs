using System.Collections.Immutable;

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
    long BookResyncs);
