using Smallfish.Core.Instruments;
using Smallfish.Simulation.Venue.Fees;
using Smallfish.Simulation.Venue.Funding;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>Fee and funding models, alone.</summary>
public class FeeFundingModelTests
{
    private static readonly InstrumentSpec Btc = new("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m);

    [Test]
    public void Presets_MatchPublishedVip0Rates()
    {
        Assert.That((MakerTakerFeeModel.BybitVip0.MakerBps, MakerTakerFeeModel.BybitVip0.TakerBps), Is.EqualTo((2.0m, 5.5m)));
        Assert.That((MakerTakerFeeModel.BinanceUsdmVip0.MakerBps, MakerTakerFeeModel.BinanceUsdmVip0.TakerBps), Is.EqualTo((2.0m, 5.0m)));
    }

    [Test]
    public void Fee_NotionalTimesRate_MakerAndTaker()
    {
        // 0.250 BTC at 60000.0 = 15000 USDT
        long px = 600_000, lots = 250;
        Assert.That(MakerTakerFeeModel.BybitVip0.Fee(Btc, px, lots, isMaker: false), Is.EqualTo(8.25m));
        Assert.That(MakerTakerFeeModel.BybitVip0.Fee(Btc, px, lots, isMaker: true), Is.EqualTo(3.0m));
        Assert.That(MakerTakerFeeModel.BinanceUsdmVip0.Fee(Btc, px, lots, isMaker: false), Is.EqualTo(7.5m));
    }

    [TestCase("2024-01-01T07:59:00Z", "2024-01-01T08:00:00Z")]
    [TestCase("2024-01-01T08:00:00Z", "2024-01-01T16:00:00Z")]
    [TestCase("2024-01-01T23:59:59Z", "2024-01-02T00:00:00Z")]
    [TestCase("1969-12-31T23:00:00Z", "1970-01-01T00:00:00Z")]
    public void EightHourSchedule_NextAfter_NextUtcBoundary(string now, string expected)
    {
        long ns = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1_000_000;
        long want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1_000_000;
        Assert.That(FundingSchedule.EveryEightHoursUtc.NextAfter(ns), Is.EqualTo(want));
    }

    [Test]
    public void Schedule_WithOffset_ShiftsTheGrid()
    {
        var hourly = new FundingSchedule(FundingSchedule.NsPerHour, offsetNs: 30 * 60 * 1_000_000_000L);
        Assert.That(hourly.NextAfter(0), Is.EqualTo(30 * 60 * 1_000_000_000L));
        Assert.That(hourly.NextAfter(30 * 60 * 1_000_000_000L), Is.EqualTo(90 * 60 * 1_000_000_000L));
    }

    [TestCase(1000L, 0.0001, 6.0)]    // long 1 BTC at 60000, +0.01%: pays 6
    [TestCase(-1000L, 0.0001, -6.0)]  // short receives 6
    [TestCase(500L, -0.0003, -9.0)]   // long 0.5 BTC, -0.03%: receives 9
    public void Payment_SignedQuantityTimesMarkTimesRate(long lots, double rate, double expected)
    {
        Assert.That(FundingModel.Payment(Btc, lots, 60_000m, (decimal)rate), Is.EqualTo((decimal)expected));
    }
}
