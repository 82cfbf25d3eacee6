namespace Smallfish.Simulation.Venue.Funding;

/// <summary>
/// Funding times on a fixed grid: every <see cref="IntervalNs"/> from the Unix epoch shifted by
/// <see cref="OffsetNs"/>. The default is every 8 hours at 00:00, 08:00 and 16:00 UTC, the usual settlement times of
/// both exchanges (Bybit instruments-info <c>fundingInterval</c> = 480 minutes for most linear contracts,
/// bybit-v5.md §4.2; Binance publishes the next time in <c>premiumIndex.nextFundingTime</c> and the mark price stream's
/// <c>T</c>, binance-usdm.md §4.2 and §6). Symbols on other intervals take their times from the stream
/// (<see cref="Smallfish.Core.MarketData.TickerEvent.NextFundingTimeNs"/>) or a schedule built for them.
/// </summary>
public sealed class FundingSchedule
{
    /// <summary>Nanoseconds in one hour.</summary>
    public const long NsPerHour = 3_600_000_000_000L;

    /// <summary>Every 8 hours at 00:00, 08:00 and 16:00 UTC.</summary>
    public static FundingSchedule EveryEightHoursUtc { get; } = new(8 * NsPerHour);

    /// <summary>Creates a schedule; <paramref name="intervalNs"/> positive, <paramref name="offsetNs"/> within one interval.</summary>
    public FundingSchedule(long intervalNs, long offsetNs = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalNs);
        if (offsetNs < 0 || offsetNs >= intervalNs) throw new ArgumentOutOfRangeException(nameof(offsetNs), offsetNs, "must lie in [0, interval)");
        IntervalNs = intervalNs;
        OffsetNs = offsetNs;
    }

    /// <summary>Time between funding settlements, ns.</summary>
    public long IntervalNs { get; }

    /// <summary>Shift of the grid from the Unix epoch, ns.</summary>
    public long OffsetNs { get; }

    /// <summary>The first funding time strictly after <paramref name="tsNs"/>.</summary>
    public long NextAfter(long tsNs)
    {
        long k = Math.DivRem(tsNs - OffsetNs, IntervalNs, out long rem);
        if (rem < 0) k--; // floor division for times before the offset
        return (k + 1) * IntervalNs + OffsetNs;
    }
}
