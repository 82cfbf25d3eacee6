using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.State;
using static Smallfish.Core.Tests.State.StateTestKit;

namespace Smallfish.Core.Tests.State;

public class RuntimeStateTests
{
    private static RuntimeState NewState(decimal equity = 1_000m, long start = Midnight + 3_600 * Second) => new(Symbols, equity, start);

    [Test]
    public void OnEnterOnExit_Win_PositionClosedEquityAndPeakRise()
    {
        var s = NewState();
        long t = Midnight + 3_600 * Second;
        s.OnEnter(Long("BTCUSDT", t), t);
        Assert.That(s.Positions.ContainsKey("BTCUSDT"), Is.True);
        Assert.That(s.Daily.Entries, Is.EqualTo(1));

        s.OnExit(Result("BTCUSDT", 25m, 1.5, t + 60 * Second, t));
        Assert.That(s.Positions, Is.Empty);
        Assert.That(s.Equity.Equity, Is.EqualTo(1_025m));
        Assert.That(s.Equity.PeakEquity, Is.EqualTo(1_025m));
        Assert.That(s.Equity.DrawdownAbs, Is.EqualTo(0m));
        Assert.That(s.Daily.TradeCount, Is.EqualTo(1));
        Assert.That(s.Daily.Wins, Is.EqualTo(1));
        Assert.That(s.Daily.RealizedPnl, Is.EqualTo(25m));
        Assert.That(s.Daily.NetR, Is.EqualTo(1.5));
        Assert.That(s.Daily.RLost, Is.EqualTo(0));
        Assert.That(s.LastLossNs, Is.EqualTo(0));
    }

    [Test]
    public void OnExit_WinThenLoss_DrawdownFromPeakAndLossTimeForCooldown()
    {
        var s = NewState();
        long t = Midnight + 3_600 * Second;
        s.OnExit(Result("BTCUSDT", 250m, 2, t));
        s.OnExit(Result("ETHUSDT", -125m, -1, t + 10 * Second));
        Assert.That(s.Equity.Equity, Is.EqualTo(1_125m));
        Assert.That(s.Equity.PeakEquity, Is.EqualTo(1_250m));
        Assert.That(s.Equity.DrawdownAbs, Is.EqualTo(125m));
        Assert.That(s.Equity.DrawdownPct, Is.EqualTo(10).Within(1e-12));
        Assert.That(s.Equity.MaxDrawdownPct, Is.EqualTo(10).Within(1e-12));
        Assert.That(s.Daily.RLost, Is.EqualTo(1));
        Assert.That(s.Daily.NetR, Is.EqualTo(1));
        Assert.That(s.Daily.Losses, Is.EqualTo(1));
        Assert.That(s.LastLossNs, Is.EqualTo(t + 10 * Second));

        s.OnExit(Result("ETHUSDT", 200m, 1.6, t + 20 * Second));
        Assert.That(s.Equity.PeakEquity, Is.EqualTo(1_325m));
        Assert.That(s.Equity.DrawdownPct, Is.EqualTo(0));
        Assert.That(s.Equity.MaxDrawdownPct, Is.EqualTo(10).Within(1e-12), "the worst drawdown is remembered");
    }

    [Test]
    public void OnEnter_SymbolAlreadyOpen_Throws()
    {
        var s = NewState();
        s.OnEnter(Long("BTCUSDT", Midnight), Midnight);
        Assert.Throws<InvalidOperationException>(() => s.OnEnter(Long("BTCUSDT", Midnight + 1), Midnight + 1));
    }

    [Test]
    public void OnTime_UtcMidnight_DailyCountersRollExactlyThere()
    {
        var s = NewState(start: Midnight + 23 * 3_600 * Second);
        s.OnExit(Result("BTCUSDT", -10m, -1, Midnight + Day - Second));
        s.RecordSlippageBreach(Midnight + Day - Second);

        s.OnTime(Midnight + Day - 1);
        Assert.That(s.Daily.TradeCount, Is.EqualTo(1), "23:59:59.999999999 is still the same day");
        Assert.That(s.Daily.SlippageBreaches, Is.EqualTo(1));

        s.OnTime(Midnight + Day);
        Assert.That(s.Daily.DayStartNs, Is.EqualTo(Midnight + Day));
        Assert.That(s.Daily.TradeCount, Is.EqualTo(0));
        Assert.That(s.Daily.RealizedPnl, Is.EqualTo(0m));
        Assert.That(s.Daily.RLost, Is.EqualTo(0));
        Assert.That(s.Daily.SlippageBreaches, Is.EqualTo(0));
        Assert.That(s.Equity.Equity, Is.EqualTo(990m), "equity is not daily");
    }

    [Test]
    public void OnExit_CloseInNextDay_CountsForTheNewDay()
    {
        var s = NewState(start: Midnight + 23 * 3_600 * Second);
        s.OnExit(Result("BTCUSDT", -10m, -1, Midnight + Day - Second));
        s.OnExit(Result("BTCUSDT", -20m, -2, Midnight + Day + 2 * Day + Second)); // days without events in between
        Assert.That(s.Daily.DayStartNs, Is.EqualTo(Midnight + 3 * Day));
        Assert.That(s.Daily.RealizedPnl, Is.EqualTo(-20m));
        Assert.That(s.Daily.Rolls, Is.EqualTo(1));
    }

    [Test]
    public void KillSwitch_TripTwiceThenResume_KeepsFirstReasonAndOnlyResumeResets()
    {
        var s = NewState();
        long t = Midnight + 3_600 * Second;
        Assert.That(s.TripKillSwitch(KillSwitchReason.Manual, t, "owner /kill"), Is.True);
        Assert.That(s.TripKillSwitch(KillSwitchReason.DailyLossR, t + Second), Is.False);
        Assert.That(s.KillSwitch.IsTripped, Is.True);
        Assert.That(s.KillSwitch.Reason, Is.EqualTo(KillSwitchReason.Manual));
        Assert.That(s.KillSwitch.Detail, Is.EqualTo("owner /kill"));
        Assert.That(s.KillSwitch.TrippedNs, Is.EqualTo(t));

        s.OnTime(Midnight + 2 * Day);
        Assert.That(s.KillSwitch.IsTripped, Is.True, "a new day does not reset it");

        Assert.That(s.ResumeFromKillSwitch(Midnight + 2 * Day + Second), Is.True);
        Assert.That(s.KillSwitch.IsTripped, Is.False);
        Assert.That(s.KillSwitch.ResumedNs, Is.EqualTo(Midnight + 2 * Day + Second));
        Assert.That(s.ResumeFromKillSwitch(Midnight + 2 * Day + 2 * Second), Is.False);
        Assert.That(s.KillSwitch.TripCount, Is.EqualTo(1));
    }

    [Test]
    public void CheckDailyLimits_LossInRReachesLimit_TripsWithReason()
    {
        var s = NewState(equity: 100_000m);
        long t = Midnight + 3_600 * Second;
        var limits = new DailyLimits(MaxLossR: 10, MaxLossMoney: 0, MaxSlippageBreaches: 3);
        for (int i = 0; i < 9; i++) s.OnExit(Result("BTCUSDT", -10m, -1, t + i * Second));
        Assert.That(s.CheckDailyLimits(limits, t + 10 * Second), Is.EqualTo(KillSwitchReason.None));
        Assert.That(s.KillSwitch.IsTripped, Is.False);

        s.OnExit(Result("BTCUSDT", -10m, -1, t + 11 * Second));
        Assert.That(s.CheckDailyLimits(limits, t + 12 * Second), Is.EqualTo(KillSwitchReason.DailyLossR));
        Assert.That(s.KillSwitch.IsTripped, Is.True);
        Assert.That(s.KillSwitch.Reason, Is.EqualTo(KillSwitchReason.DailyLossR));
        Assert.That(s.KillSwitch.Detail, Does.Contain("10 R"));
    }

    [Test]
    public void CheckDailyLimits_WinsOffsetLosses_NetRBelowLimitDoesNotTrip()
    {
        var s = NewState(equity: 100_000m);
        long t = Midnight + 3_600 * Second;
        for (int i = 0; i < 10; i++) s.OnExit(Result("BTCUSDT", -10m, -1, t + i * Second));
        s.OnExit(Result("BTCUSDT", 30m, 3, t + 20 * Second));
        Assert.That(s.Daily.RLost, Is.EqualTo(10));
        Assert.That(s.CheckDailyLimits(new DailyLimits(10, 0, 0), t + 21 * Second), Is.EqualTo(KillSwitchReason.None));
    }

    [Test]
    public void CheckDailyLimits_MoneyLossAndSlippage_TripWithTheirReasons()
    {
        var money = NewState();
        long t = Midnight + 3_600 * Second;
        money.OnExit(Result("BTCUSDT", -50m, -0.5, t));
        Assert.That(money.CheckDailyLimits(new DailyLimits(0, 50m, 0), t), Is.EqualTo(KillSwitchReason.DailyLossMoney));

        var slip = NewState();
        for (int i = 0; i < 3; i++) slip.RecordSlippageBreach(t + i);
        Assert.That(slip.CheckDailyLimits(new DailyLimits(10, 0, 3), t + 5), Is.EqualTo(KillSwitchReason.SlippageBreaches));
        Assert.That(slip.KillSwitch.Reason, Is.EqualTo(KillSwitchReason.SlippageBreaches));
    }

    [Test]
    public void CheckDailyLimits_LossesOfYesterday_DoNotCountToday()
    {
        var s = NewState(start: Midnight + 23 * 3_600 * Second);
        for (int i = 0; i < 10; i++) s.OnExit(Result("BTCUSDT", -10m, -1, Midnight + 23 * 3_600 * Second + i));
        Assert.That(s.CheckDailyLimits(new DailyLimits(10, 0, 0), Midnight + Day), Is.EqualTo(KillSwitchReason.None));
        Assert.That(s.KillSwitch.IsTripped, Is.False);
    }

    [TestCase(0, 1.0)]
    [TestCase(4.99, 1.0)]
    [TestCase(5, 0.75)]
    [TestCase(9.9, 0.75)]
    [TestCase(10, 0.5)]
    [TestCase(25, 0.25)]
    public void SizeMultiplier_DrawdownTiers_PicksHighestTierReached(double drawdownPct, double expected)
    {
        var s = NewState(equity: 1_000m);
        s.OnExit(Result("BTCUSDT", -(decimal)drawdownPct * 10m, -1, Midnight + 3_600 * Second));
        DrawdownTier[] tiers = [new(10, 0.5), new(5, 0.75), new(20, 0.25)]; // unsorted on purpose
        Assert.That(s.Equity.DrawdownPct, Is.EqualTo(drawdownPct).Within(1e-9));
        Assert.That(s.SizeMultiplier(tiers), Is.EqualTo(expected));
    }

    [Test]
    public void Snapshot_LaterChanges_DoNotAlterIt()
    {
        var s = NewState();
        long t = Midnight + 3_600 * Second;
        s.OnEnter(Long("BTCUSDT", t), t);
        s.SetScores(1, [0.5, -0.25], 0.4, t);
        s.CountEvent();
        s.RecordBookResync();
        var snap = s.Publish();

        s.OnExit(Result("BTCUSDT", -100m, -1, t + Second));
        s.SetScores(1, [0.9], 0.9, t + Second);
        s.TripKillSwitch(KillSwitchReason.Manual, t + Second);

        Assert.That(s.Published, Is.SameAs(snap));
        Assert.That(snap.Positions, Has.Length.EqualTo(1));
        Assert.That(snap.Positions[0].Symbol, Is.EqualTo("BTCUSDT"));
        Assert.That(snap.Equity, Is.EqualTo(1_000m));
        Assert.That(snap.Scores[1].Symbol, Is.EqualTo("ETHUSDT"));
        Assert.That(snap.Scores[1].Signals[0], Is.EqualTo(0.5));
        Assert.That(snap.Scores[1].Signals[1], Is.EqualTo(-0.25));
        Assert.That(snap.Scores[1].Fused, Is.EqualTo(0.4));
        Assert.That(snap.KillSwitch.IsTripped, Is.False);
        Assert.That(snap.EventsProcessed, Is.EqualTo(1));
        Assert.That(snap.BookResyncs, Is.EqualTo(1));

        var after = s.Snapshot();
        Assert.That(after.Positions, Is.Empty);
        Assert.That(after.KillSwitch.Reason, Is.EqualTo(KillSwitchReason.Manual));
        Assert.That(after.Scores[1].Signals[0], Is.EqualTo(0.9));
        Assert.That(after.Daily.Losses, Is.EqualTo(1));
    }

    [Test]
    public void WorkingOrders_AddAndRemove_TrackedByClientId()
    {
        var s = NewState();
        var request = new OrderRequest("sf1-0-1-E0", "BTCUSDT", Side.Buy, OrderType.Limit, TimeInForce.PostOnly, 100_000, 5, 0, false, OrderRole.Entry);
        s.AddOrder(new Order(request, Midnight));
        Assert.That(s.WorkingOrders.ContainsKey("sf1-0-1-E0"), Is.True);
        Assert.That(s.Snapshot().WorkingOrders[0].PriceTicks, Is.EqualTo(100_000));
        Assert.That(s.RemoveOrder("sf1-0-1-E0"), Is.True);
        Assert.That(s.RemoveOrder("sf1-0-1-E0"), Is.False);
    }

    [Test]
    public void FromOptions_RiskSection_TiersAndDailyLimitsCarryTheConfiguredValues()
    {
        var risk = new RiskOptions { DailyLossLimitR = 7, MaxSlippageBreaches = 2 };
        risk.DrawdownTiers.Add(new DrawdownTierOptions { DrawdownPct = 5, SizeMultiplier = 0.5 });
        risk.DrawdownTiers.Add(new DrawdownTierOptions { DrawdownPct = 15, SizeMultiplier = 0 });
        Assert.That(DrawdownTier.FromOptions(risk.DrawdownTiers), Is.EqualTo(new[] { new DrawdownTier(5, 0.5), new DrawdownTier(15, 0) }));
        Assert.That(DailyLimits.FromOptions(risk), Is.EqualTo(new DailyLimits(7, 0m, 2)));

        var s = NewState();
        s.OnExit(Result("BTCUSDT", -200m, -2, Midnight + 3_600 * Second));
        Assert.That(s.SizeMultiplier(DrawdownTier.FromOptions(risk.DrawdownTiers)), Is.EqualTo(0), "20 % drawdown: no new positions");
    }
}
