using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using static Smallfish.Core.Tests.MarketData.MarketTestKit;

namespace Smallfish.Core.Tests.MarketData;

public class TradeTapeWindowTests
{
    [TestCase(1_000)]
    [TestCase(5_000)]
    [TestCase(30_000)]
    [TestCase(60_000)]
    public void Advance_BothWindowEdges_TradeCountedIffNowMinusWindowBeforeTradeTime(long windowMs)
    {
        var clock = new SimulatedClock(T0);
        var tape = new TradeTape(Options());
        int w = tape.IndexOfWindow(windowMs);
        Assert.That(w, Is.GreaterThanOrEqualTo(0));

        clock.Advance(TimeSpan.FromMilliseconds(250));
        long t = clock.NowNs;
        tape.Add(Buy(t, 100, 7), clock.NowNs);
        Assert.That(tape.Window(w).BuyLots, Is.EqualTo(7), "upper edge: a trade at t = now is inside");

        clock.AdvanceTo(t + windowMs * Ms - 1);
        tape.Advance(clock.NowNs);
        Assert.That(tape.Window(w).Count, Is.EqualTo(1), "now - W = t - 1ns < t: still inside");

        clock.AdvanceTo(t + windowMs * Ms);
        tape.Advance(clock.NowNs);
        Assert.That(tape.Window(w).Count, Is.EqualTo(0), "now - W = t: outside");
        Assert.That(tape.Window(w).BuyLots, Is.EqualTo(0));
        Assert.That(tape.Window(w).NotionalTickLots, Is.EqualTo(0));
    }

    [Test]
    public void Advance_NoTrades_ExpiresEachWindowOnItsOwnTime()
    {
        var tape = new TradeTape(Options());
        tape.Add(Buy(T0, 100, 1), T0);
        tape.Add(Sell(T0 + 500 * Ms, 101, 2), T0 + 500 * Ms);
        int w1 = tape.IndexOfWindow(1_000), w5 = tape.IndexOfWindow(5_000);

        tape.Advance(T0 + 1_000 * Ms);
        Assert.That(tape.Window(w1).Count, Is.EqualTo(1));
        Assert.That(tape.Window(w1).SellLots, Is.EqualTo(2));
        Assert.That(tape.Window(w5).Count, Is.EqualTo(2));

        tape.Advance(T0 + 1_500 * Ms);
        Assert.That(tape.Window(w1).Count, Is.EqualTo(0));
        Assert.That(tape.Window(w5).Count, Is.EqualTo(2));

        tape.Advance(T0 + 5_000 * Ms);
        Assert.That(tape.Window(w5).Count, Is.EqualTo(1));
        tape.Advance(T0 + 5_500 * Ms);
        Assert.That(tape.Window(w5).Count, Is.EqualTo(0));
    }

    [Test]
    public void Add_ExchangeTimeAheadOfNow_StampedAtNowAndLeavesAtNowPlusWindow()
    {
        var tape = new TradeTape(Options());
        int w1 = tape.IndexOfWindow(1_000);
        tape.Add(Buy(T0 + 300 * Ms, 100, 1), T0); // the exchange clock runs 300 ms ahead
        Assert.That(tape.Window(w1).Count, Is.EqualTo(1));
        tape.Advance(T0 + 999 * Ms);
        Assert.That(tape.Window(w1).Count, Is.EqualTo(1));
        tape.Advance(T0 + 1_000 * Ms);
        Assert.That(tape.Window(w1).Count, Is.EqualTo(0));
    }

    [Test]
    public void Add_TradeOlderThanShortWindow_OnlyInLongerWindows()
    {
        var tape = new TradeTape(Options());
        tape.Advance(T0 + 10 * Second);
        tape.Add(Buy(T0 + 8 * Second, 100, 4), T0 + 10 * Second); // arrives 2 s late
        Assert.That(tape.Window(tape.IndexOfWindow(1_000)).Count, Is.EqualTo(0));
        Assert.That(tape.Window(tape.IndexOfWindow(5_000)).Count, Is.EqualTo(1));
        Assert.That(tape.CvdTotalLots, Is.EqualTo(4), "running totals still count it");
    }

    [Test]
    public void Advance_EarlierTime_Ignored()
    {
        var tape = new TradeTape(Options());
        tape.Add(Buy(T0, 100, 1), T0);
        tape.Advance(T0 + 900 * Ms);
        tape.Advance(T0 + 100 * Ms);
        Assert.That(tape.NowNs, Is.EqualTo(T0 + 900 * Ms));
        tape.Advance(T0 + 1_000 * Ms);
        Assert.That(tape.Window(tape.IndexOfWindow(1_000)).Count, Is.EqualTo(0));
    }

    [Test]
    public void Add_MoreTradesThanCapacity_OldestLeaveEarlyAndOverflowCounted()
    {
        var tape = new TradeTape(Options(o => o.TapeCapacityTrades = 16));
        int w60 = tape.IndexOfWindow(60_000);
        for (int i = 0; i < 20; i++) tape.Add(Buy(T0 + i * Ms, 100, 1), T0 + i * Ms);
        Assert.That(tape.Capacity, Is.EqualTo(16));
        Assert.That(tape.Window(w60).Count, Is.EqualTo(16));
        Assert.That(tape.Window(w60).BuyLots, Is.EqualTo(16));
        Assert.That(tape.Overflows, Is.EqualTo(4));
        Assert.That(tape.TotalTrades, Is.EqualTo(20));
    }

    [Test]
    public void Constructor_DuplicateWindows_MergedAndSorted()
    {
        var tape = new TradeTape(Options(), [5_000, 1_000, 5_000, 60_000, 1_000]);
        Assert.That(tape.WindowCount, Is.EqualTo(3));
        Assert.That(new[] { tape.WindowMs(0), tape.WindowMs(1), tape.WindowMs(2) }, Is.EqualTo(new long[] { 1_000, 5_000, 60_000 }));
        Assert.That(tape.IndexOfWindow(30_000), Is.EqualTo(-1));
    }
}
