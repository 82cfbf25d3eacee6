using Smallfish.Core.Domain;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Fees;
using Smallfish.Simulation.Venue.Funding;
using static Smallfish.Core.Tests.Simulation.Venue.VenueHarness;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>Maker and taker fees on fills, funding at funding times, with their signs.</summary>
public class VenueFeeFundingScenarioTests
{
    private static VenueHarness Start(SimulatedVenueOptions options)
    {
        var h = new VenueHarness(options);
        h.Snapshot(T0, [(999, 100)], [(1000, 100)]);
        h.RunThrough(T0);
        return h;
    }

    [Test]
    public void Fees_BybitVip0_TakerAndMakerOnNotional()
    {
        var h = Start(SimulatedVenueOptions.Bybit with { BookSync = BookSyncMode.Unchecked });
        var taker = h.PlaceNow(h.Market(Side.Buy, 10));                     // 10 x 100.0 = 1000 USDT
        Assert.That(h.FillsOf(taker.ClientOrderId).Single().Fee, Is.EqualTo(0.55m)); // 5.5 bps

        var maker = h.PlaceNow(h.Limit(Side.Sell, 1001, 10, TimeInForce.PostOnly)); // 10 x 100.1 = 1001 USDT
        h.Trade(T0 + 1 * Ms, 1002, 1, Side.Buy);
        h.RunThrough(T0 + 1 * Ms);
        var fill = h.FillsOf(maker.ClientOrderId).Single();
        Assert.That((fill.IsMaker, fill.Fee), Is.EqualTo((true, 0.2002m))); // 2 bps

        var position = h.Venue.GetPosition(Symbol);
        Assert.That(position.NetLots, Is.Zero);
        Assert.That(position.RealizedPnl, Is.EqualTo(1.0m)); // 10 x 0.1
        Assert.That(position.Fees, Is.EqualTo(0.7502m));
        Assert.That(h.Venue.Account.Balance, Is.EqualTo(1.0m - 0.7502m));
    }

    [Test]
    public void Fees_BinanceUsdmVip0_TakerFiveBps()
    {
        var h = Start(SimulatedVenueOptions.BinanceUsdm with { BookSync = BookSyncMode.Unchecked });
        var taker = h.PlaceNow(h.Market(Side.Sell, 10)); // 10 x 99.9
        Assert.That(h.FillsOf(taker.ClientOrderId).Single().Fee, Is.EqualTo(0.4995m));
    }

    [Test]
    public void Fees_NegativeMakerRate_IsARebate()
    {
        var h = Start(new SimulatedVenueOptions { Fees = new MakerTakerFeeModel(-1m, 4m) });
        var maker = h.PlaceNow(h.Limit(Side.Buy, 998, 10, TimeInForce.PostOnly));
        h.Trade(T0 + 1 * Ms, 997, 1, Side.Sell);
        h.RunThrough(T0 + 1 * Ms);
        Assert.That(h.FillsOf(maker.ClientOrderId).Single().Fee, Is.EqualTo(-0.0998m));
    }

    [TestCase(10L, 0.0001, 0.1)]    // long pays a positive rate
    [TestCase(-10L, 0.0001, -0.1)]  // short receives it
    [TestCase(10L, -0.0002, -0.2)]  // long receives a negative rate
    [TestCase(-10L, -0.0002, 0.2)]  // short pays it
    public void Funding_AtEightHourBoundary_ChargesNotionalTimesRate(long lots, double rate, double expectedPaid)
    {
        var h = Start(new SimulatedVenueOptions { Fees = MakerTakerFeeModel.Free });
        h.PlaceNow(h.Market(lots > 0 ? Side.Buy : Side.Sell, Math.Abs(lots)));
        h.Ticker(T0 + 1 * Ms, rate, 100.0);
        h.Trade(Funding0800 - 1 * Ms, 1000, 1, Side.Buy);
        h.RunThrough(Funding0800 - 1);
        Assert.That(h.Funding, Is.Empty, "nothing before the funding time");

        h.Trade(Funding0800 + 1 * Ms, 1000, 1, Side.Buy);
        h.RunThrough(Funding0800 + 1 * Ms);
        var payment = h.Funding.Single();
        Assert.That(payment.TsNs, Is.EqualTo(Funding0800));
        Assert.That(payment.PositionLots, Is.EqualTo(lots));
        Assert.That(payment.Amount, Is.EqualTo((decimal)expectedPaid));
        Assert.That(h.Venue.GetPosition(Symbol).Funding, Is.EqualTo((decimal)expectedPaid));
        Assert.That(h.Venue.Account.FundingPaid, Is.EqualTo((decimal)expectedPaid));
    }

    [Test]
    public void Funding_FlatAtFundingTime_NothingCharged()
    {
        var h = Start(new SimulatedVenueOptions());
        h.Ticker(T0 + 1 * Ms, 0.0001, 100.0);
        h.Trade(Funding0800 + 1 * Ms, 1000, 1, Side.Buy);
        h.RunThrough(Funding0800 + 1 * Ms);
        Assert.That(h.Funding, Is.Empty);
    }

    [Test]
    public void Funding_StreamAnnouncesTime_SettlesThenAndNotOnTheDefaultGrid()
    {
        var h = Start(new SimulatedVenueOptions { Fees = MakerTakerFeeModel.Free });
        h.PlaceNow(h.Market(Side.Buy, 10));
        long announced = T0 + 30 * 1000 * Ms; // 07:59:30
        h.Ticker(T0 + 1 * Ms, 0.0001, 100.0, nextFundingNs: announced);
        h.Trade(announced + 1 * Ms, 1000, 1, Side.Buy);
        h.RunThrough(announced + 1 * Ms);
        Assert.That(h.Funding.Single().TsNs, Is.EqualTo(announced));
    }

    [Test]
    public void Funding_UsesTheRateInForceAtTheFundingTime()
    {
        var h = Start(new SimulatedVenueOptions { Fees = MakerTakerFeeModel.Free });
        h.PlaceNow(h.Market(Side.Buy, 10));
        h.Ticker(T0 + 1 * Ms, 0.0001, 100.0);
        h.Ticker(Funding0800 - 10 * Ms, 0.0003, 100.0);
        h.Ticker(Funding0800 + 10 * Ms, 0.0009, 100.0); // next period's rate: not this settlement's
        h.RunThrough(Funding0800 + 10 * Ms);
        Assert.That(h.Funding.Single().Amount, Is.EqualTo(0.3m));
    }

    [Test]
    public void Funding_NoRateInStream_UsesModelDefault()
    {
        var h = Start(new SimulatedVenueOptions
        {
            Fees = MakerTakerFeeModel.Free,
            Funding = new FundingModel(FundingSchedule.EveryEightHoursUtc, defaultRate: 0.0001m),
        });
        h.PlaceNow(h.Market(Side.Buy, 10));
        h.Trade(Funding0800 + 1 * Ms, 1000, 1, Side.Buy);
        h.RunThrough(Funding0800 + 1 * Ms);
        var payment = h.Funding.Single();
        Assert.That(payment.MarkPrice, Is.EqualTo(99.95m), "no mark and no trade yet: valued at the mid");
        Assert.That(payment.Amount, Is.EqualTo(0.09995m));
    }
}
