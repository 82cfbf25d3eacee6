namespace Smallfish.Persistence.State;

/// <summary>Keys of <c>engine_state</c> under which <see cref="SavedRuntimeState"/> keeps what must survive a restart.</summary>
public static class RuntimeStateKeys
{
    /// <summary>Equity when saved, quote currency.</summary>
    public const string Equity = "state.equity";

    /// <summary>Highest equity seen.</summary>
    public const string PeakEquity = "state.peak_equity";

    /// <summary>Close time of the latest losing trade, ns.</summary>
    public const string LastLossNs = "state.last_loss_ns";

    /// <summary>UTC midnight that started the saved day, ns.</summary>
    public const string DayStartNs = "daily.day_start_ns";

    /// <summary>The day's net realized P&amp;L.</summary>
    public const string DailyRealizedPnl = "daily.realized_pnl";

    /// <summary>The day's net R.</summary>
    public const string DailyNetR = "daily.net_r";

    /// <summary>The day's R lost.</summary>
    public const string DailyRLost = "daily.r_lost";

    /// <summary>Positions opened that day.</summary>
    public const string DailyEntries = "daily.entries";

    /// <summary>Round trips closed that day.</summary>
    public const string DailyTrades = "daily.trades";

    /// <summary>Winning trades that day.</summary>
    public const string DailyWins = "daily.wins";

    /// <summary>Losing trades that day.</summary>
    public const string DailyLosses = "daily.losses";

    /// <summary>Slippage breaches that day.</summary>
    public const string DailySlippageBreaches = "daily.slippage_breaches";

    /// <summary>True while the kill switch is tripped.</summary>
    public const string KillTripped = "kill.tripped";

    /// <summary>Why it tripped (enum name).</summary>
    public const string KillReason = "kill.reason";

    /// <summary>Detail of the trip (empty when none).</summary>
    public const string KillDetail = "kill.detail";

    /// <summary>Time of the last trip, ns.</summary>
    public const string KillTrippedNs = "kill.tripped_ns";

    /// <summary>Time of the last resume, ns.</summary>
    public const string KillResumedNs = "kill.resumed_ns";

    /// <summary>Trips so far.</summary>
    public const string KillTripCount = "kill.trip_count";

    /// <summary>One line on the last restart reconciliation (<c>ReconciliationReport.ToString()</c>).</summary>
    public const string LastReconciliation = "recovery.last_report";
}
