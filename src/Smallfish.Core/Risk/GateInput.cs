namespace Smallfish.Core.Risk;

/// <summary>
/// Everything the pre-trade gates look at for one entry decision, copied into a small value: engine and account state,
/// the symbol's book and feed health, the funding distance and the margin headroom. Filled by the engine, evaluated by
/// <see cref="PreTradeGates.Evaluate"/>. Times in ns since the Unix epoch (decision time), money in quote currency.
/// </summary>
public struct GateInput
{
    /// <summary>Decision time, ns.</summary>
    public long NowNs;

    /// <summary>Trading halted by the host (stale feed, stalled loop, shutdown).</summary>
    public bool Halted;

    /// <summary>The restart reconciliation has not finished (positions not yet confirmed protected).</summary>
    public bool Reconciling;

    /// <summary>The kill switch is tripped.</summary>
    public bool KillSwitchTripped;

    /// <summary>The day's net realized result in R (negative = loss).</summary>
    public double DailyNetR;

    /// <summary>The book is synced, two-sided and not crossed.</summary>
    public bool BookValid;

    /// <summary>Decision time of the last book event of the symbol, ns (0 = none).</summary>
    public long LastBookNs;

    /// <summary>Feed latency of the last market event (local receive time - exchange time), ns.</summary>
    public long FeedLatencyNs;

    /// <summary>Current spread, ticks.</summary>
    public long SpreadTicks;

    /// <summary>Distance from now to the nearest funding time, ns.</summary>
    public long FundingDistanceNs;

    /// <summary>Close time of the latest losing trade, ns (0 = none).</summary>
    public long LastLossNs;

    /// <summary>A position in the symbol is open.</summary>
    public bool PositionOpen;

    /// <summary>An entry order of the symbol is working (or the symbol is backing off after a reject).</summary>
    public bool EntryWorking;

    /// <summary>Positions open across all symbols.</summary>
    public int OpenPositions;

    /// <summary>Notional the account may still add: equity x leverage - notional held and working.</summary>
    public decimal MarginHeadroom;

    /// <summary>Notional of the smallest valid order at the intended price.</summary>
    public decimal MinOrderNotional;
}
