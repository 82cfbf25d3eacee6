using Smallfish.Core.Domain;
using Smallfish.Core.MarketData.Features;
using static Smallfish.Core.Tests.MarketData.MarketTestKit;

namespace Smallfish.Core.Tests.MarketData;

public class RealizedVolatilityTests
{
    [Test]
    public void Push_AlternatingReturns_RvEqualsReturnPerSqrtSecond()
    {
        var rv = new RealizedVolatility(100 * Ms, 5 * Second, 60 * Second);
        double r = 1e-4, p = 1000;
        rv.Push(p);
        for (int i = 0; i < 700; i++) rv.Push(i % 2 == 0 ? p * Math.Exp(r) : p);
        double expected = r * 1e4 / Math.Sqrt(0.1); // 1 bp per 100 ms step = 3.162 bps per sqrt(s)
        Assert.That(rv.ShortBps, Is.EqualTo(expected).Within(1e-9));
        Assert.That(rv.LongBps, Is.EqualTo(expected).Within(1e-9));
        Assert.That(rv.Count, Is.EqualTo(600));
    }

    [Test]
    public void Push_QuietThenVolatile_ShortAboveLong()
    {
        var rv = new RealizedVolatility(100 * Ms, 5 * Second, 60 * Second);
        for (int i = 0; i < 551; i++) rv.Push(1000); // the first push only sets the reference price: 550 zero returns
        for (int i = 0; i < 50; i++) rv.Push(i % 2 == 0 ? 1001 : 1000);
        double r = Math.Log(1001.0 / 1000);
        Assert.That(rv.ShortBps, Is.EqualTo(r * 1e4 / Math.Sqrt(0.1)).Within(1e-9));
        Assert.That(rv.LongBps, Is.EqualTo(r * 1e4 * Math.Sqrt(50.0 / 600) / Math.Sqrt(0.1)).Within(1e-9));
    }

    [Test]
    public void Push_LongRunWithRebuilds_MatchesDirectComputation()
    {
        var rv = new RealizedVolatility(100 * Ms, 5 * Second, 60 * Second);
        var rng = new Random(3);
        var prices = new List<double> { 1000 };
        rv.Push(1000);
        for (int i = 0; i < 5000; i++)
        {
            double next = prices[^1] * Math.Exp((rng.NextDouble() - 0.5) * 1e-3);
            prices.Add(next);
            rv.Push(next);
        }
        double sumShort = 0, sumLong = 0;
        for (int i = prices.Count - 600; i < prices.Count; i++)
        {
            double r = Math.Log(prices[i] / prices[i - 1]);
            sumLong += r * r;
            if (i >= prices.Count - 50) sumShort += r * r;
        }
        Assert.That(rv.ShortBps, Is.EqualTo(Math.Sqrt(sumShort / 5) * 1e4).Within(1e-9));
        Assert.That(rv.LongBps, Is.EqualTo(Math.Sqrt(sumLong / 60) * 1e4).Within(1e-9));
    }

    [Test]
    public void FeatureEngine_MidAlternatesOnGrid_RvMatchesAndTickRateDoesNotBias()
    {
        var slow = new SymbolFeatureEngine(Options());
        var fast = new SymbolFeatureEngine(Options());
        var slowBook = Book([(99_999, 5)], [(100_001, 5)]);
        var fastBook = Book([(99_999, 5)], [(100_001, 5)]);
        slow.OnBook(slowBook, T0);
        fast.OnBook(fastBook, T0);
        for (int step = 1; step <= 700; step++)
        {
            long t = T0 + step * 100 * Ms;
            long bid = step % 2 == 1 ? 100_000 : 99_999; // mid alternates between 100000.5 and 100000
            foreach (var (engine, book) in new[] { (slow, slowBook), (fast, fastBook) })
            {
                Delta(book, t, (Side.Buy, bid, 5), (Side.Buy, bid == 100_000 ? 99_999 : 100_000, 0));
                engine.OnBook(book, t);
            }
            for (int k = 1; k < 10; k++) fast.OnBook(fastBook, t + k * 10 * Ms); // ten times the event rate, same mid
        }
        slow.Advance(T0 + 70_050 * Ms);
        fast.Advance(T0 + 70_050 * Ms);
        double r = Math.Log(100_000.5 / 100_000);
        double expected = r * 1e4 / Math.Sqrt(0.1);
        Assert.That(slow.Features.RvShortBps, Is.EqualTo(expected).Within(1e-9));
        Assert.That(slow.Features.RvLongBps, Is.EqualTo(expected).Within(1e-9));
        Assert.That(slow.Features.Mvr, Is.EqualTo(1).Within(1e-9));
        Assert.That(fast.Features.RvShortBps, Is.EqualTo(slow.Features.RvShortBps).Within(1e-12));
        Assert.That(fast.Features.RvLongBps, Is.EqualTo(slow.Features.RvLongBps).Within(1e-12));
    }

    [Test]
    public void FeatureEngine_QuietThenBurst_MvrAboveOne()
    {
        var engine = new SymbolFeatureEngine(Options());
        var book = Book([(99_999, 5)], [(100_001, 5)]);
        engine.OnBook(book, T0);
        engine.Advance(T0 + 55 * Second);
        for (int step = 1; step <= 50; step++)
        {
            long t = T0 + 55 * Second + step * 100 * Ms;
            long bid = step % 2 == 1 ? 100_000 : 99_999;
            Delta(book, t, (Side.Buy, bid, 5), (Side.Buy, bid == 100_000 ? 99_999 : 100_000, 0));
            engine.OnBook(book, t);
        }
        engine.Advance(T0 + 60_050 * Ms);
        Assert.That(engine.Features.Mvr, Is.GreaterThan(3));
        Assert.That(engine.Features.RvShortBps, Is.GreaterThan(engine.Features.RvLongBps));
    }
}
