using Smallfish.Core.Instruments;

namespace Smallfish.Simulation.Venue.Funding;

/// <summary>
/// When and how much funding a simulated position pays. At each funding time the venue settles
/// <c>amount = signed position quantity x mark price x rate</c>: with a positive rate a long pays (positive amount)
/// and a short receives (negative amount); a negative rate reverses both. The rate is the last
/// <see cref="Smallfish.Core.MarketData.TickerEvent.FundingRate"/> the stream carried before the funding time (the rate
/// both exchanges publish for the coming settlement), or <see cref="DefaultRate"/> when the stream has none. Funding
/// times come from the stream's <see cref="Smallfish.Core.MarketData.TickerEvent.NextFundingTimeNs"/> when
/// <see cref="UseStreamTimes"/> is set and the stream has it, otherwise from <see cref="Schedule"/>.
/// </summary>
public sealed class FundingModel
{
    /// <summary>8-hourly funding at 00/08/16 UTC, stream times and rates when present, no rate otherwise.</summary>
    public static FundingModel Default { get; } = new(FundingSchedule.EveryEightHoursUtc);

    /// <summary>Creates the model.</summary>
    public FundingModel(FundingSchedule schedule, decimal defaultRate = 0m, bool useStreamTimes = true)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Schedule = schedule;
        DefaultRate = defaultRate;
        UseStreamTimes = useStreamTimes;
    }

    /// <summary>Funding times used when the stream does not announce them.</summary>
    public FundingSchedule Schedule { get; }

    /// <summary>Rate charged when the stream has not carried one (0 = no funding without a rate).</summary>
    public decimal DefaultRate { get; }

    /// <summary>True to follow the funding times announced in ticker events.</summary>
    public bool UseStreamTimes { get; }

    /// <summary>
    /// Funding paid on a position of <paramref name="positionLots"/> (signed, positive = long) at
    /// <paramref name="markPrice"/> and <paramref name="rate"/>; positive = paid, negative = received.
    /// </summary>
    public static decimal Payment(InstrumentSpec spec, long positionLots, decimal markPrice, decimal rate) =>
        spec.Qty.ToDecimal(positionLots) * markPrice * rate;
}
