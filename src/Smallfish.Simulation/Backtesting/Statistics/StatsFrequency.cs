namespace Smallfish.Simulation.Backtesting.Statistics;

/// <summary>
/// The sampling interval Sharpe and Sortino are computed on: the equity curve is resampled to this fixed grid, the
/// ratio is taken on the per-interval returns and annualized by <c>sqrt(PeriodsPerYear)</c> for a market that trades
/// 24/7 (365.25 days a year, as crypto perpetuals do). Reports carry <see cref="Name"/> so a reader knows which.
/// </summary>
/// <param name="Name">Short label, e.g. "1m".</param>
/// <param name="IntervalNs">Interval length, ns (positive).</param>
public sealed record StatsFrequency(string Name, long IntervalNs)
{
    private const double NsPerYear = 365.25 * 24 * 3600 * 1e9;

    /// <summary>10-second returns.</summary>
    public static StatsFrequency TenSeconds { get; } = new("10s", 10_000_000_000L);

    /// <summary>1-minute returns.</summary>
    public static StatsFrequency OneMinute { get; } = new("1m", 60_000_000_000L);

    /// <summary>1-hour returns.</summary>
    public static StatsFrequency OneHour { get; } = new("1h", 3_600_000_000_000L);

    /// <summary>1-day returns.</summary>
    public static StatsFrequency OneDay { get; } = new("1d", 86_400_000_000_000L);

    /// <summary>Number of intervals in a 24/7 year (365.25 days).</summary>
    public double PeriodsPerYear => NsPerYear / IntervalNs;

    /// <summary>
    /// The frequency used when the caller states none, chosen from the session length so that there are enough
    /// returns to estimate a ratio and not so many that microstructure noise dominates: up to 1 hour, 10 s; up to
    /// 3 days, 1 m; up to 90 days, 1 h; longer, 1 d.
    /// </summary>
    public static StatsFrequency ForSession(long durationNs)
    {
        if (durationNs <= OneHour.IntervalNs) return TenSeconds;
        if (durationNs <= 3 * OneDay.IntervalNs) return OneMinute;
        if (durationNs <= 90 * OneDay.IntervalNs) return OneHour;
        return OneDay;
    }
}
