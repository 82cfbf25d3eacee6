namespace Smallfish.Core.Risk;

/// <summary>
/// The pre-trade gates as one pure function: the first gate that refuses gives the reason, else
/// <see cref="GateReason.Pass"/>. Fixed order, account-wide stops first, then data quality, then market conditions,
/// then the symbol's own state, then capacity:
/// <list type="number">
/// <item><see cref="GateReason.Halted"/> — the host halted trading (stale feed, stalled loop, shutdown);</item>
/// <item><see cref="GateReason.Reconciling"/> — the restart reconciliation has not finished (a position is not yet
/// confirmed protected, or an order it cancelled is not yet gone);</item>
/// <item><see cref="GateReason.KillSwitch"/> — the kill switch is tripped;</item>
/// <item><see cref="GateReason.DailyLossLimit"/> — the day's net loss reached the limit in R (stays blocked after a
/// resume until the UTC day rolls: a resume cannot undo the day's loss);</item>
/// <item><see cref="GateReason.BookInvalid"/> — book not synced, crossed or one-sided;</item>
/// <item><see cref="GateReason.BookStale"/> — no book update for longer than the staleness limit;</item>
/// <item><see cref="GateReason.FeedLatency"/> — feed latency above the limit;</item>
/// <item><see cref="GateReason.SpreadTooWide"/> — spread above the limit (ticks);</item>
/// <item><see cref="GateReason.FundingWindow"/> — within the window either side of a funding time;</item>
/// <item><see cref="GateReason.Cooldown"/> — within the cooldown after a losing trade;</item>
/// <item><see cref="GateReason.PositionOpen"/> — the symbol already has a position;</item>
/// <item><see cref="GateReason.EntryWorking"/> — an entry is already working on the symbol (or it backs off after a reject);</item>
/// <item><see cref="GateReason.MaxConcurrentPositions"/> — the account holds the maximum number of positions;</item>
/// <item><see cref="GateReason.InsufficientMargin"/> — the margin headroom cannot carry the smallest valid order.</item>
/// </list>
/// Sizing then adds <see cref="GateReason.BelowMinimumSize"/>. No allocation, no branching on anything but the input.
/// </summary>
public static class PreTradeGates
{
    /// <summary>Evaluates the gates in their fixed order.</summary>
    public static GateReason Evaluate(in GateInput input, in GateLimits limits)
    {
        if (input.Halted) return GateReason.Halted;
        if (input.Reconciling) return GateReason.Reconciling;
        if (input.KillSwitchTripped) return GateReason.KillSwitch;
        if (limits.DailyLossLimitR > 0 && -input.DailyNetR >= limits.DailyLossLimitR) return GateReason.DailyLossLimit;
        if (!input.BookValid) return GateReason.BookInvalid;
        if (input.LastBookNs <= 0 || input.NowNs - input.LastBookNs > limits.BookStaleNs) return GateReason.BookStale;
        if (input.FeedLatencyNs > limits.MaxFeedLatencyNs) return GateReason.FeedLatency;
        if (input.SpreadTicks > limits.MaxSpreadTicks) return GateReason.SpreadTooWide;
        if (limits.FundingWindowNs > 0 && input.FundingDistanceNs <= limits.FundingWindowNs) return GateReason.FundingWindow;
        if (input.LastLossNs > 0 && input.NowNs - input.LastLossNs < limits.CooldownNs) return GateReason.Cooldown;
        if (input.PositionOpen) return GateReason.PositionOpen;
        if (input.EntryWorking) return GateReason.EntryWorking;
        if (input.OpenPositions >= limits.MaxConcurrentPositions) return GateReason.MaxConcurrentPositions;
        if (input.MarginHeadroom < input.MinOrderNotional) return GateReason.InsufficientMargin;
        return GateReason.Pass;
    }
}
