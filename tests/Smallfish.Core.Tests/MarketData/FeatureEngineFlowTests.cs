using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using static Smallfish.Core.Tests.MarketData.MarketTestKit;

namespace Smallfish.Core.Tests.MarketData;

public class FeatureEngineFlowTests
{
    private const long Bid = 100_000, Ask = 100_001;

    private static SymbolFeatureEngine EngineWithBook(out OrderBook book, long t = T0)
    {
        book = Ladder(Bid, Ask, 10, 5, t);
        var engine = new SymbolFeatureEngine(Options());
        engine.OnBook(book, t);
        return engine;
    }

    [Test]
    public void OnTrade_OnlyBuys_CvdNormOneAndBuyShareOne()
    {
        var engine = EngineWithBook(out _);
        engine.OnTrade(Buy(T0 + 100 * Ms, Ask, 3), T0 + 100 * Ms);
        engine.OnTrade(Buy(T0 + 200 * Ms, Ask, 2), T0 + 200 * Ms);
        ref readonly var f = ref engine.Features;
        Assert.That(f.CvdShortLots, Is.EqualTo(5));
        Assert.That(f.CvdTotalLots, Is.EqualTo(5));
        Assert.That(f.CvdNorm, Is.EqualTo(1));
        Assert.That(f.BuySellRatio, Is.EqualTo(1));
        Assert.That(f.BuyShortLots, Is.EqualTo(5));
        Assert.That(f.SellShortLots, Is.EqualTo(0));
    }

    [Test]
    public void OnTrade_SellingThenBuying_CvdAccelPositive()
    {
        var engine = EngineWithBook(out _);
        for (int i = 0; i < 5; i++) engine.OnTrade(Sell(T0 + (1 + i) * Second, Bid, 2), T0 + (1 + i) * Second);
        for (int i = 0; i < 5; i++) engine.OnTrade(Buy(T0 + 6_500 * Ms + i * Second, Ask, 2), T0 + 6_500 * Ms + i * Second);
        ref readonly var f = ref engine.Features;
        // Last 5 s (5.5, 10.5]: five buys, CVD +10; the 5 s before: five sells, CVD -10. (10 - -10) / (10 + 10) = 1.
        Assert.That(f.CvdAccel, Is.EqualTo(1).Within(1e-12));
        Assert.That(f.CvdNorm, Is.EqualTo(1));

        var mirror = EngineWithBook(out _);
        for (int i = 0; i < 5; i++) mirror.OnTrade(Buy(T0 + (1 + i) * Second, Ask, 2), T0 + (1 + i) * Second);
        for (int i = 0; i < 5; i++) mirror.OnTrade(Sell(T0 + 6_500 * Ms + i * Second, Bid, 2), T0 + 6_500 * Ms + i * Second);
        Assert.That(mirror.Features.CvdAccel, Is.EqualTo(-f.CvdAccel).Within(1e-12));
    }

    [Test]
    public void OnTrade_SteadyPaceThenBurst_TpsRatioAboveOne()
    {
        var engine = EngineWithBook(out _);
        long t = T0;
        for (int i = 0; i < 60; i++) engine.OnTrade(Buy(t += Second, Ask, 1), t);
        Assert.That(engine.Features.TpsRatio, Is.EqualTo(1).Within(0.05), "steady pace");
        for (int i = 0; i < 20; i++) engine.OnTrade(Sell(t += 50 * Ms, Bid, 1), t);
        ref readonly var f = ref engine.Features;
        Assert.That(f.Tps, Is.EqualTo((4 + 20) / 5.0).Within(1e-9), "(56 s, 61 s]: four steady trades and the burst");
        Assert.That(f.TpsLong, Is.EqualTo((59 + 20) / 60.0).Within(1e-9));
        Assert.That(f.TpsRatio, Is.GreaterThan(3));
    }

    [Test]
    public void Advance_NoTrades_RatesFallToZero()
    {
        var engine = EngineWithBook(out _);
        engine.OnTrade(Buy(T0 + Second, Ask, 1), T0 + Second);
        Assert.That(engine.Features.Tps, Is.GreaterThan(0));
        engine.Advance(T0 + 6 * Second);
        Assert.That(engine.Features.Tps, Is.EqualTo(0));
        Assert.That(engine.Features.CvdShortLots, Is.EqualTo(0));
        Assert.That(engine.Features.BuySellRatio, Is.EqualTo(0.5));
        Assert.That(engine.Features.TradeAgeMs, Is.EqualTo(5000).Within(1e-9));
    }

    [Test]
    public void OnTrade_MidAboveVwap_PositiveVwapDeviation()
    {
        var engine = EngineWithBook(out var book);
        engine.OnTrade(Buy(T0 + Second, 99_990, 10), T0 + Second);
        ref readonly var f = ref engine.Features;
        Assert.That(f.VwapSessionTicks, Is.EqualTo(99_990));
        Assert.That(f.VwapDevBps, Is.EqualTo((100_000.5 - 99_990) / 99_990 * 1e4).Within(1e-9));
        Assert.That(f.VwapRollingDevBps, Is.GreaterThan(0));
        Assert.That(book.MidTicks, Is.EqualTo(100_000.5));
    }

    [Test]
    public void OnTrade_NetBuyingWhileMidFalls_BullishDivergence()
    {
        var engine = EngineWithBook(out var book);
        long bid = Bid, ask = Ask;
        for (int s = 1; s <= 40; s++)
        {
            long t = T0 + s * Second;
            Delta(book, t, (Side.Buy, bid - 1, 5), (Side.Buy, bid, 0), (Side.Sell, ask - 1, 5), (Side.Sell, ask + 9, 0));
            bid--;
            ask--;
            engine.OnBook(book, t);
            engine.OnTrade(Buy(t + 10 * Ms, ask, 3), t + 10 * Ms);
        }
        Assert.That(engine.Features.MidChangeTicks, Is.LessThan(0));
        Assert.That(engine.Features.CvdDivergence, Is.GreaterThan(0.5), "flow buys, price falls");

        var agree = EngineWithBook(out var book2);
        bid = Bid;
        ask = Ask;
        for (int s = 1; s <= 40; s++)
        {
            long t = T0 + s * Second;
            Delta(book2, t, (Side.Sell, ask + 1, 5), (Side.Sell, ask, 0), (Side.Buy, bid + 1, 5), (Side.Buy, bid - 9, 0));
            bid++;
            ask++;
            agree.OnBook(book2, t);
            agree.OnTrade(Buy(t + 10 * Ms, ask, 3), t + 10 * Ms);
        }
        Assert.That(agree.Features.CvdDivergence, Is.EqualTo(0), "flow and price agree");
    }

    [Test]
    public void OnTrade_LargeBuys_WhaleCountsAndImbalance()
    {
        var engine = EngineWithBook(out _);
        long t = T0;
        for (int i = 0; i < 40; i++) engine.OnTrade(i % 2 == 0 ? Buy(t += 10 * Ms, Ask, 1) : Sell(t += 10 * Ms, Bid, 1), t);
        engine.OnTrade(Buy(t += 10 * Ms, Ask, 30), t);
        engine.OnTrade(Buy(t += 10 * Ms, Ask, 20), t);
        ref readonly var f = ref engine.Features;
        Assert.That(f.LargeTradeThresholdLots, Is.EqualTo(2));
        Assert.That(f.LargeBuyCount, Is.EqualTo(2));
        Assert.That(f.LargeBuyLots, Is.EqualTo(50));
        Assert.That(f.LargeSellCount, Is.EqualTo(0));
        Assert.That(f.WhaleImbalance, Is.EqualTo(1));
        engine.Advance(t + 5 * Second);
        Assert.That(engine.Features.LargeBuyCount, Is.EqualTo(0), "older than the whale window");
        Assert.That(engine.Features.WhaleImbalance, Is.EqualTo(0));
    }

    [Test]
    public void OnTrade_BuySweepThroughLevels_SweepFeatureThenForgotten()
    {
        var engine = EngineWithBook(out _);
        long t = T0 + Second;
        for (int i = 0; i < 4; i++) engine.OnTrade(Buy(t + i * Ms, Ask + i, 2), t + i * Ms);
        ref readonly var f = ref engine.Features;
        Assert.That(f.SweepSide, Is.EqualTo(1));
        Assert.That(f.SweepLevels, Is.EqualTo(4));
        Assert.That(f.SweepTicks, Is.EqualTo(3));
        Assert.That(f.SweepLots, Is.EqualTo(8));
        engine.Advance(t + 3 * Ms + 5 * Second);
        Assert.That(engine.Features.SweepLevels, Is.EqualTo(4), "remembered for exactly SweepMemoryMs");
        Assert.That(engine.Features.SweepAgeMs, Is.EqualTo(5000).Within(1e-9));
        engine.Advance(t + 3 * Ms + 5 * Second + 1);
        Assert.That(engine.Features.SweepLevels, Is.EqualTo(0));
        Assert.That(engine.Features.SweepSide, Is.EqualTo(0));
    }
}
