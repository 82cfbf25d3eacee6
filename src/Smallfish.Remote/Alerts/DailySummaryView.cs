namespace Smallfish.Remote.Alerts;

/// <summary>The figures of one trading day for the daily summary mail. Plain data: no secrets.</summary>
public sealed record DailySummaryView
{
    /// <summary>The UTC day summarised.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>Quote currency.</summary>
    public string Currency { get; init; } = "USDT";

    /// <summary>Equity at the start of the day.</summary>
    public decimal StartEquity { get; init; }

    /// <summary>Equity now.</summary>
    public decimal EndEquity { get; init; }

    /// <summary>Net P&amp;L of the day (after fees and funding).</summary>
    public decimal NetPnl { get; init; }

    /// <summary>Fees paid.</summary>
    public decimal Fees { get; init; }

    /// <summary>Round trips closed.</summary>
    public int Trades { get; init; }

    /// <summary>Winning round trips.</summary>
    public int Wins { get; init; }

    /// <summary>Losing round trips.</summary>
    public int Losses { get; init; }

    /// <summary>Worst drawdown from the peak during the day, fraction.</summary>
    public double MaxDrawdownFraction { get; init; }

    /// <summary>True when the kill switch is on at summary time.</summary>
    public bool KillSwitchActive { get; init; }

    /// <summary>Profile in use.</summary>
    public string Profile { get; init; } = "";
}
