using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Tests.Risk;

public class ShadowTradeTrackerTests
{
    private const long T = 1_700_000_000L * 1_000_000_000;
    private const long Second = 1_000_000_000;

    private static readonly BracketPlan LongAt1000 = BracketPlan.Create(Side.Buy, 1000, 10, 2.0, 0);

    [Test]
    public void TryOpen_BlockedByTheSpread_JournalsAnOpenShadow()
    {
        var journal = new InMemoryJournal();
        var tracker = new ShadowTradeTracker(journal, ["BTCUSDT"]);
        Assert.That(tracker.TryOpen(0, Side.Buy, GateReason.SpreadTooWide, LongAt1000, 0.7, T, 60 * Second), Is.True);
        var s = journal.ShadowTrades.Single();
        Assert.That((s.Symbol, s.BlockedBy, s.EntryPriceTicks, s.StopTicks, s.TakeProfitTicks, s.ClosedNs), Is.EqualTo(("BTCUSDT", GateReason.SpreadTooWide, 1000L, 990L, 1020L, 0L)));
        Assert.That(s.RMultiple, Is.NaN);
    }

    [Test]
    public void OnTrade_StopCrossedWithAGap_ResolvesAtThePrintBelowMinusOneR()
    {
        var journal = new InMemoryJournal();
        var tracker = new ShadowTradeTracker(journal, ["BTCUSDT"]);
        tracker.TryOpen(0, Side.Buy, GateReason.Cooldown, LongAt1000, 0.7, T, 60 * Second);
        tracker.OnTrade(0, 995, T + Second);
        tracker.OnTrade(0, 985, T + 2 * Second);
        var s = journal.ShadowTrades[^1];
        Assert.That((s.ExitPriceTicks, s.RMultiple, s.ClosedNs), Is.EqualTo((985L, -1.5, T + 2 * Second)));
        Assert.That(tracker.OpenCount(0), Is.Zero);
    }

    [Test]
    public void OnTime_TimeStopPassed_ResolvesAtTheLastPrice()
    {
        var journal = new InMemoryJournal();
        var tracker = new ShadowTradeTracker(journal, ["BTCUSDT"]);
        tracker.TryOpen(0, Side.Sell, GateReason.FeedLatency, BracketPlan.Create(Side.Sell, 1000, 10, 2.0, 0), 0.6, T, 60 * Second);
        tracker.OnTrade(0, 995, T + Second);
        tracker.OnTime(T + 59 * Second);
        Assert.That(journal.ShadowTrades, Has.Count.EqualTo(1));
        tracker.OnTime(T + 60 * Second);
        Assert.That(journal.ShadowTrades[^1].RMultiple, Is.EqualTo(0.5));
    }

    [Test]
    public void TryOpen_SameGateWhileOneIsOpen_OpensNoSecond()
    {
        var journal = new InMemoryJournal();
        var tracker = new ShadowTradeTracker(journal, ["BTCUSDT"]);
        Assert.That(tracker.TryOpen(0, Side.Buy, GateReason.KillSwitch, LongAt1000, 0.7, T, 60 * Second), Is.True);
        Assert.That(tracker.TryOpen(0, Side.Buy, GateReason.KillSwitch, LongAt1000, 0.7, T + 1, 60 * Second), Is.False);
        Assert.That(tracker.TryOpen(0, Side.Buy, GateReason.Cooldown, LongAt1000, 0.7, T + 1, 60 * Second), Is.True);
        Assert.That(tracker.OpenCount(0), Is.EqualTo(2));
    }

    [TestCase(GateReason.PositionOpen)]
    [TestCase(GateReason.EntryWorking)]
    [TestCase(GateReason.BookInvalid)]
    [TestCase(GateReason.BookStale)]
    [TestCase(GateReason.Halted)]
    [TestCase(GateReason.Reconciling)]
    [TestCase(GateReason.Pass)]
    public void TryOpen_GateWithoutAMeaningfulShadow_OpensNone(GateReason gate)
    {
        var journal = new InMemoryJournal();
        var tracker = new ShadowTradeTracker(journal, ["BTCUSDT"]);
        Assert.That(tracker.TryOpen(0, Side.Buy, gate, LongAt1000, 0.7, T, 60 * Second), Is.False);
        Assert.That(journal.ShadowTrades, Is.Empty);
    }
}
