using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using static Smallfish.Core.Tests.MarketData.MarketTestKit;

namespace Smallfish.Core.Tests.MarketData;

public class FeatureEngineBookTests
{
    private const long Bid = 100_000, Ask = 100_001;

    private static (long, long)[] Levels(long best, int step, int n, long lots)
    {
        var l = new (long, long)[n];
        for (int i = 0; i < n; i++) l[i] = (best + step * i, lots);
        return l;
    }

    [TestCase(10, 2, 1)]
    [TestCase(2, 10, -1)]
    [TestCase(4, 4, 0)]
    public void OnBook_DepthImbalance_ObiSignFollowsHeavierSide(long bidLots, long askLots, int expectedSign)
    {
        var book = Book(Levels(Bid, -1, 8, bidLots), Levels(Ask, 1, 8, askLots));
        var engine = new SymbolFeatureEngine(Options());
        engine.OnBook(book, T0);
        ref readonly var f = ref engine.Features;
        double expected = (5.0 * bidLots - 5.0 * askLots) / (5.0 * bidLots + 5.0 * askLots);
        Assert.That(f.Obi, Is.EqualTo(expected).Within(1e-12));
        Assert.That(Math.Sign(f.Obi), Is.EqualTo(expectedSign));
        Assert.That(Math.Sign(f.LiqAsymmetry), Is.EqualTo(expectedSign));
        Assert.That(f.IsBookValid, Is.True);
    }

    [Test]
    public void OnBook_HeavierBestBid_MicroPressurePositive()
    {
        var book = Book([(Bid, 30)], [(Ask, 10)]);
        var engine = new SymbolFeatureEngine(Options());
        engine.OnBook(book, T0);
        ref readonly var f = ref engine.Features;
        Assert.That(f.BestBidTicks, Is.EqualTo(Bid));
        Assert.That(f.BestAskTicks, Is.EqualTo(Ask));
        Assert.That(f.SpreadTicks, Is.EqualTo(1));
        Assert.That(f.MidTicks, Is.EqualTo(Bid + 0.5));
        Assert.That(f.MicroPriceTicks, Is.EqualTo(Bid + 0.75).Within(1e-9));
        Assert.That(f.MicroPressureTicks, Is.EqualTo(0.25).Within(1e-9));
        Assert.That(f.MicroPressure, Is.EqualTo(0.5).Within(1e-9));
    }

    [Test]
    public void OnBook_NearTouchDepthFalls_ThinnessRisesAboveOne()
    {
        var book = Book(Levels(Bid, -1, 20, 10), Levels(Ask, 1, 20, 10));
        var engine = new SymbolFeatureEngine(Options());
        engine.OnBook(book, T0);
        engine.Advance(T0 + 120 * Second);
        Assert.That(engine.Features.LiqThinness, Is.EqualTo(1).Within(1e-9), "steady depth: usual");

        var thin = new List<(Side, long, long)>();
        for (int i = 0; i < 20; i++)
        {
            thin.Add((Side.Buy, Bid - i, 2));
            thin.Add((Side.Sell, Ask + i, 2));
        }
        Delta(book, T0 + 120 * Second, thin.ToArray());
        engine.OnBook(book, T0 + 120 * Second);
        Assert.That(engine.Features.LiqThinness, Is.EqualTo(5).Within(0.01), "depth fell to a fifth of its average");
        engine.Advance(T0 + 180 * Second);
        Assert.That(engine.Features.LiqThinness, Is.LessThan(5).And.GreaterThan(1), "the average adapts");
    }

    [Test]
    public void OnBook_BidsGrow_ObiRateOfChangePositive()
    {
        var book = Book(Levels(Bid, -1, 5, 5), Levels(Ask, 1, 5, 5));
        var engine = new SymbolFeatureEngine(Options());
        engine.OnBook(book, T0);
        engine.Advance(T0 + 2 * Second);
        Assert.That(engine.Features.ObiRocPerSecond, Is.EqualTo(0));

        Delta(book, T0 + 2 * Second, (Side.Buy, Bid, 25));
        engine.OnBook(book, T0 + 2 * Second);
        double obi = (45.0 - 25) / 70;
        Assert.That(engine.Features.Obi, Is.EqualTo(obi).Within(1e-12));
        Assert.That(engine.Features.ObiRocPerSecond, Is.EqualTo(obi).Within(1e-12), "change over the 1 s look-back");
        engine.Advance(T0 + 3_100 * Ms);
        Assert.That(engine.Features.ObiRocPerSecond, Is.EqualTo(0), "a second later the change is history");
    }

    [Test]
    public void OnBook_MidStepsUp_EmasFollowWithTheirTimeConstantsAndMomentumPositive()
    {
        var book = Book([(Bid, 5)], [(Ask, 5)]);
        var engine = new SymbolFeatureEngine(Options());
        engine.OnBook(book, T0);
        long t1 = T0 + 10 * Second;
        Delta(book, t1, (Side.Sell, Ask + 10, 5), (Side.Sell, Ask, 0), (Side.Buy, Bid + 10, 5), (Side.Buy, Bid, 0));
        engine.OnBook(book, t1);
        Assert.That(engine.Features.MidTicks, Is.EqualTo(Bid + 10.5));

        engine.Advance(t1 + Second);
        ref readonly var f = ref engine.Features;
        Assert.That(f.EmaFastTicks, Is.EqualTo(Bid + 0.5 + 10 * (1 - Math.Exp(-1))).Within(1e-6));
        Assert.That(f.EmaSlowTicks, Is.EqualTo(Bid + 0.5 + 10 * (1 - Math.Exp(-0.2))).Within(1e-6));
        Assert.That(f.MomentumTicks, Is.GreaterThan(0));
        Assert.That(f.MidChangeTicks, Is.EqualTo(10), "mid now minus mid 5 s ago");

        engine.Advance(t1 + 5_100 * Ms);
        Assert.That(engine.Features.MidChangeTicks, Is.EqualTo(0), "the step is older than the window");
    }

    [Test]
    public void OnBook_ExtraEventsAtSameMid_EmaUnchanged()
    {
        var a = new SymbolFeatureEngine(Options());
        var b = new SymbolFeatureEngine(Options());
        var bookA = Book([(Bid, 5)], [(Ask, 5)]);
        var bookB = Book([(Bid, 5)], [(Ask, 5)]);
        a.OnBook(bookA, T0);
        b.OnBook(bookB, T0);
        Delta(bookA, T0 + Second, (Side.Buy, Bid + 1, 5), (Side.Buy, Bid, 0), (Side.Sell, Ask + 1, 5), (Side.Sell, Ask, 0));
        Delta(bookB, T0 + Second, (Side.Buy, Bid + 1, 5), (Side.Buy, Bid, 0), (Side.Sell, Ask + 1, 5), (Side.Sell, Ask, 0));
        a.OnBook(bookA, T0 + Second);
        b.OnBook(bookB, T0 + Second);
        for (int i = 1; i < 100; i++) b.OnBook(bookB, T0 + Second + i * 10 * Ms); // 100x the update rate
        a.Advance(T0 + 2 * Second);
        b.Advance(T0 + 2 * Second);
        Assert.That(b.Features.EmaFastTicks, Is.EqualTo(a.Features.EmaFastTicks).Within(1e-9));
        Assert.That(b.Features.EmaSlowTicks, Is.EqualTo(a.Features.EmaSlowTicks).Within(1e-9));
    }

    [Test]
    public void OnBook_InvalidBook_FlagFalseAndPriceFeaturesKept()
    {
        var book = Book([(Bid, 5)], [(Ask, 5)]);
        var engine = new SymbolFeatureEngine(Options());
        engine.OnBook(book, T0);
        book.Invalidate(BookInvalidReason.SequenceGap);
        engine.OnBook(book, T0 + Ms);
        Assert.That(engine.Features.IsBookValid, Is.False);
        Assert.That(engine.Features.MidTicks, Is.EqualTo(Bid + 0.5));
        Assert.That(engine.Features.LastBookNs, Is.EqualTo(T0 + Ms));
    }

    [Test]
    public void OnBook_LocalReceiveAfterExchangeTime_LatencyInMs()
    {
        var book = Book([(Bid, 5)], [(Ask, 5)]);
        var engine = new SymbolFeatureEngine(Options());
        engine.OnBook(book, T0);
        var u = new BookUpdate { Kind = BookUpdateKind.Delta, ExchTsNs = T0 + Second, LocalTsNs = T0 + Second + 42 * Ms };
        u.Bids.Add(Bid, 6);
        book.ApplyDelta(u);
        engine.OnBook(book, T0 + Second + 42 * Ms);
        Assert.That(engine.Features.FeedLatencyMs, Is.EqualTo(42).Within(1e-9));
        engine.Advance(T0 + 2 * Second + 42 * Ms);
        Assert.That(engine.Features.BookAgeMs, Is.EqualTo(1000).Within(1e-9));
        Assert.That(engine.Features.TradeAgeMs, Is.EqualTo(double.PositiveInfinity));
    }
}
