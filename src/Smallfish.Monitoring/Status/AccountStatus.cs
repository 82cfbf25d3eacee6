namespace Smallfish.Monitoring.Status;

/// <summary>Equity, drawdown and the day's counters, in quote currency.</summary>
public sealed record AccountStatus
{
    /// <summary>Equity at start of the run: the line the equity curve is judged against.</summary>
    public decimal StartingEquity { get; init; }

    /// <summary>Current equity (realized + unrealized).</summary>
    public decimal Equity { get; init; }

    /// <summary>Highest equity seen.</summary>
    public decimal PeakEquity { get; init; }

    /// <summary>Drawdown from the peak, percent (0..100).</summary>
    public double DrawdownPct { get; init; }

    /// <summary>Net realized P&amp;L of today's closed trades (UTC day).</summary>
    public decimal DailyPnl { get; init; }

    /// <summary>Sum of today's R multiples.</summary>
    public double DailyR { get; init; }

    /// <summary>Round trips closed today.</summary>
    public long TradesToday { get; init; }

    /// <summary>Of those, winners.</summary>
    public long WinsToday { get; init; }

    /// <summary>Of those, losers.</summary>
    public long LossesToday { get; init; }
}
