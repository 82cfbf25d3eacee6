using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using static Smallfish.Core.Tests.MarketData.MarketTestKit;

namespace Smallfish.Core.Tests.MarketData;

/// <summary>Absorption, iceberg refills and pull-and-replace, from hand-made book and trade sequences.</summary>
public class FeatureEngineDepthEventTests
{
    private const long Bid = 100_000, Ask = 100_001;

    private static SymbolFeatureEngine EngineWithLadder(out OrderBook book, long lots = 2)
    {
        book = Ladder(Bid, Ask, 10, lots);
        var engine = new SymbolFeatureEngine(Options());
        engine.OnBook(book, T0);
        return engine;
    }

    [Test]
    public void AggressiveBuyingIntoUnmovedAsk_AbsorptionOnTheAsk()
    {
        var engine = EngineWithLadder(out var book, lots: 10);
        long t = T0;
        for (int i = 0; i < 10; i++)
        {
            t += 200 * Ms;
            engine.OnTrade(Buy(t, Ask, 8), t);
            Delta(book, t + Ms, (Side.Sell, Ask, 10)); // the ask is refilled: it does not move
            engine.OnBook(book, t + Ms);
        }
        ref readonly var f = ref engine.Features;
        Assert.That(f.AbsorptionAsk, Is.GreaterThan(0.3));
        Assert.That(f.AbsorptionBid, Is.EqualTo(0));
        Assert.That(f.Absorption, Is.LessThan(-0.3), "asks defending: bearish");
    }

    [Test]
    public void AggressiveBuyingMovesTheAsk_AbsorptionBroken()
    {
        var engine = EngineWithLadder(out var book, lots: 10);
        long t = T0 + 200 * Ms;
        engine.OnTrade(Buy(t, Ask, 8), t);
        Assert.That(engine.Features.AbsorptionAsk, Is.GreaterThan(0));

        Delta(book, t + Ms, (Side.Sell, Ask, 0)); // the ask level is taken out
        engine.OnBook(book, t + Ms);
        Assert.That(engine.Features.AbsorptionAsk, Is.GreaterThan(0), "within the grace time");
        engine.Advance(t + Ms + 500 * Ms);
        Assert.That(engine.Features.AbsorptionAsk, Is.EqualTo(0), "the ask stayed above the defended price");

        engine.OnTrade(Buy(t + 800 * Ms, Ask + 1, 2), t + 800 * Ms);
        Assert.That(engine.Features.AbsorptionAsk, Is.GreaterThan(0), "a new defense starts at the new level");
    }

    [Test]
    public void BidTradesThroughVisibleSizeAndRefills_IceAbsorbOnTheBid()
    {
        var engine = EngineWithLadder(out var book, lots: 5);
        long t = T0;
        for (int i = 0; i < 3; i++)
        {
            t += 100 * Ms;
            engine.OnTrade(Sell(t, Bid, 5), t);          // takes the whole visible 5 lots
            Delta(book, t + Ms, (Side.Buy, Bid, 0));   // level empties...
            engine.OnBook(book, t + Ms);
            Delta(book, t + 2 * Ms, (Side.Buy, Bid, 5)); // ...and refills at the same price
            engine.OnBook(book, t + 2 * Ms);
        }
        ref readonly var f = ref engine.Features;
        Assert.That(f.IceRefillsBid, Is.EqualTo(3));
        Assert.That(f.IceAbsorbBid, Is.EqualTo(10.0 / 15).Within(1e-12), "15 lots traded, at most 5 ever visible");
        Assert.That(f.IceAbsorbAsk, Is.EqualTo(0));

        engine.Advance(t + 2 * Ms + 10_001 * Ms);
        Assert.That(engine.Features.IceAbsorbBid, Is.EqualTo(0), "the episode ends after the inactivity window");
    }

    [Test]
    public void BidTradedOnceWithoutRefill_NoIceAbsorb()
    {
        var engine = EngineWithLadder(out var book, lots: 5);
        engine.OnTrade(Sell(T0 + 100 * Ms, Bid, 5), T0 + 100 * Ms);
        Delta(book, T0 + 101 * Ms, (Side.Buy, Bid, 0));
        engine.OnBook(book, T0 + 101 * Ms);
        engine.OnTrade(Sell(T0 + 200 * Ms, Bid - 1, 5), T0 + 200 * Ms);
        Assert.That(engine.Features.IceAbsorbBid, Is.EqualTo(0));
        Assert.That(engine.Features.IceRefillsBid, Is.EqualTo(0));
    }

    [Test]
    public void LargeAskPlacedNearTouchAndPulled_SpoofScoreOnTheAsk()
    {
        var engine = EngineWithLadder(out var book);
        Delta(book, T0 + 100 * Ms, (Side.Sell, Ask + 1, 50)); // 25x the usual level size, 1 tick from the touch
        engine.OnBook(book, T0 + 100 * Ms);
        Delta(book, T0 + 600 * Ms, (Side.Sell, Ask + 1, 2)); // pulled without trading
        engine.OnBook(book, T0 + 600 * Ms);
        Assert.That(engine.Features.SpoofAsk, Is.EqualTo(0), "waiting for late trade prints");

        engine.Advance(T0 + 850 * Ms);
        ref readonly var f = ref engine.Features;
        Assert.That(f.SpoofAsk, Is.EqualTo(48.0 / (48 + 20)).Within(1e-9), "48 lots pulled against 20 lots resting");
        Assert.That(f.SpoofBid, Is.EqualTo(0));
        Assert.That(engine.SpoofAskTracker.PullCount, Is.EqualTo(1));

        engine.Advance(T0 + 850 * Ms + 60 * Second);
        Assert.That(engine.Features.SpoofAsk, Is.LessThan(0.01), "fades");
    }

    [Test]
    public void PullAndReplaceRepeated_SpoofScoreGrows()
    {
        var engine = EngineWithLadder(out var book);
        long t = T0;
        double previous = 0;
        for (int i = 0; i < 3; i++)
        {
            Delta(book, t += 100 * Ms, (Side.Buy, Bid - 1, 40));
            engine.OnBook(book, t);
            Delta(book, t += 300 * Ms, (Side.Buy, Bid - 1, 2));
            engine.OnBook(book, t);
            engine.Advance(t += 300 * Ms);
            Assert.That(engine.Features.SpoofBid, Is.GreaterThan(previous));
            previous = engine.Features.SpoofBid;
        }
        Assert.That(engine.Features.SpoofAsk, Is.EqualTo(0));
    }

    [Test]
    public void LargeAskConsumedByTrades_NoSpoof()
    {
        var engine = EngineWithLadder(out var book);
        Delta(book, T0 + 100 * Ms, (Side.Sell, Ask + 1, 50));
        engine.OnBook(book, T0 + 100 * Ms);
        Delta(book, T0 + 600 * Ms, (Side.Sell, Ask, 0), (Side.Sell, Ask + 1, 2)); // the depth stream is first...
        engine.OnBook(book, T0 + 600 * Ms);
        engine.OnTrade(Buy(T0 + 620 * Ms, Ask, 2), T0 + 620 * Ms);      // ...the prints arrive 20 ms later
        engine.OnTrade(Buy(T0 + 620 * Ms, Ask + 1, 48), T0 + 620 * Ms);
        engine.Advance(T0 + 2 * Second);
        Assert.That(engine.Features.SpoofAsk, Is.EqualTo(0));
        Assert.That(engine.SpoofAskTracker.PullCount, Is.EqualTo(0));
    }

    [Test]
    public void LargeAskRestsLongThenPulled_NoSpoof()
    {
        var engine = EngineWithLadder(out var book);
        Delta(book, T0 + 100 * Ms, (Side.Sell, Ask + 1, 50));
        engine.OnBook(book, T0 + 100 * Ms);
        Delta(book, T0 + 5 * Second, (Side.Sell, Ask + 1, 2));
        engine.OnBook(book, T0 + 5 * Second);
        engine.Advance(T0 + 6 * Second);
        Assert.That(engine.Features.SpoofAsk, Is.EqualTo(0));
    }

    [Test]
    public void LargeAskFarFromTouch_NoSpoof()
    {
        var engine = EngineWithLadder(out var book);
        Delta(book, T0 + 100 * Ms, (Side.Sell, Ask + 50, 60));
        engine.OnBook(book, T0 + 100 * Ms);
        Delta(book, T0 + 200 * Ms, (Side.Sell, Ask + 50, 0));
        engine.OnBook(book, T0 + 200 * Ms);
        engine.Advance(T0 + Second);
        Assert.That(engine.Features.SpoofAsk, Is.EqualTo(0));
        Assert.That(engine.SpoofAskTracker.CandidateCount, Is.EqualTo(0));
    }
}
