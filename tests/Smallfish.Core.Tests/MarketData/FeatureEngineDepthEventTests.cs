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
    public void OnTrade_AggressiveBuyingIntoUnmovedAsk_AbsorptionOnTheAsk()
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
    public void OnBook_AskMovesAwayFromDefendedPrice_AbsorptionBrokenAfterGrace()
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
    public void OnTradeOnBook_BidTradesThroughVisibleSizeAndRefills_IceAbsorbOnTheBid()
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
    public void OnTradeOnBook_BidTradedOnceWithoutRefill_NoIceAbsorb()
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
    public void OnBook_LargeAskPlacedNearTouchAndPulled_SpoofScoreOnTheAsk()
    {
        var engine = EngineWithLadder(out var book);
        Delta(book, T0 + 100 * Ms, (Side.Sell, Ask + 1, 50)); // 25x the usual level size, 1 tick from the touch
        engine.OnBook(book, T0 + 100 * Ms);
        Delta(book, T0 + 600 * Ms, (Side.Sell, Ask + 1, 2)); // pulled without trading
        engine.OnBook(book, T0 + 600 * Ms);
        Assert.That(engine.Features.SpoofAsk, Is.EqualTo(0), "waiting for late trade prints");

        engine.Advance(T0 + 850 * Ms);
        ref readonly var f = ref engine.Features;
        Assert.That(f.SpoofPulledAskLots, Is.EqualTo(48));
        Assert.That(f.SpoofPulledBidLots, Is.EqualTo(0));
        // The usual amount is the average over both sides (24 lots) per fade time (10 s); during warm-up the slow sum's
        // span is 300 s x (1 - exp(-10 / 300)), so one-sided pulling scores 48 / (48 + 24 x 10 / span).
        double usual = 24 * 10 / (300 * (1 - Math.Exp(-10.0 / 300)));
        Assert.That(f.SpoofAsk, Is.EqualTo(48 / (48 + usual)).Within(1e-9));
        Assert.That(f.SpoofBid, Is.EqualTo(0));
        Assert.That(engine.SpoofAskTracker.PullCount, Is.EqualTo(1));

        engine.Advance(T0 + 850 * Ms + 60 * Second);
        Assert.That(engine.Features.SpoofAsk, Is.LessThan(0.1), "fades against the usual amount");
    }

    [Test]
    public void OnBook_BidPullsAndReplacesMoreThanUsual_BidScoreHighAskScoreLow()
    {
        var engine = EngineWithLadder(out var book);
        long t = T0;
        for (int k = 0; k < 30; k++) // five minutes of usual, symmetric pulling: one pull per side every 10 s
        {
            t = T0 + k * 10 * Second;
            Delta(book, t, (Side.Buy, Bid - 1, 40), (Side.Sell, Ask + 1, 40));
            engine.OnBook(book, t);
            Delta(book, t + 300 * Ms, (Side.Buy, Bid - 1, 2), (Side.Sell, Ask + 1, 2));
            engine.OnBook(book, t + 300 * Ms);
        }
        engine.Advance(t + 5 * Second);
        Assert.That(engine.Features.SpoofBid, Is.InRange(0.3, 0.7), "usual pulling scores near 0.5");
        Assert.That(engine.Features.SpoofAsk, Is.EqualTo(engine.Features.SpoofBid).Within(1e-9));

        t += 5 * Second;
        for (int i = 0; i < 5; i++) // then the bid pulls and replaces five times in five seconds
        {
            Delta(book, t += 500 * Ms, (Side.Buy, Bid - 1, 40));
            engine.OnBook(book, t);
            Delta(book, t += 500 * Ms, (Side.Buy, Bid - 1, 2));
            engine.OnBook(book, t);
        }
        engine.Advance(t += 300 * Ms);
        Assert.That(engine.Features.SpoofBid, Is.GreaterThan(0.8));
        Assert.That(engine.Features.SpoofAsk, Is.LessThan(0.6), "the ask keeps its usual pace");
        Assert.That(engine.Features.SpoofBid - engine.Features.SpoofAsk, Is.GreaterThan(0.3));
    }

    [Test]
    public void OnBook_LargeAskConsumedByLateTradePrints_NoSpoof()
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
    public void OnBook_LargeAskRestsLongerThanLifetimeThenPulled_NoSpoof()
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
    public void OnBook_LargeAskFarFromTouch_NoSpoof()
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
