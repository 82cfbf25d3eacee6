using Smallfish.Core.Domain;
using Smallfish.Core.Execution;
using Smallfish.Core.Risk;
using Smallfish.Core.State;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Engine;

/// <summary>What trips the kill switch, what it does, and the explicit resume.</summary>
public class KillSwitchScenarioTests
{
    [Test]
    public void DailyLossLimit_Reached_TripsTheKillSwitchAndBlocksEntries()
    {
        using var h = new EngineHarness(o =>
        {
            o.Risk.DailyLossLimitR = 2;
            o.Gates.CooldownAfterLossSeconds = 0;
        });
        Scenarios.LongStoppedOut(h, T0);
        Assert.That(h.Engine.State.KillSwitch.IsTripped, Is.False, "one loss of about 1R");
        Scenarios.LongStoppedOut(h, T0 + Second);

        Assert.Multiple(() =>
        {
            Assert.That(h.Engine.State.Daily.NetR, Is.LessThanOrEqualTo(-2.0));
            Assert.That(h.Engine.State.KillSwitch.IsTripped, Is.True);
            Assert.That(h.Engine.State.KillSwitch.Reason, Is.EqualTo(KillSwitchReason.DailyLossR));
        });

        h.StartLongAt999(T0 + 2 * Second);
        Assert.That(h.Journal.Decisions[^1].Gate, Is.EqualTo(GateReason.KillSwitch));
        Assert.That(h.Orders.PlacedWith(OrderRole.Entry).Count(), Is.EqualTo(2));
    }

    [Test]
    public void SlippageBreaches_ThreeStopsGappedThrough_TripTheKillSwitch()
    {
        using var h = new EngineHarness(o => o.Gates.CooldownAfterLossSeconds = 0);
        Scenarios.LongStoppedOut(h, T0, gapTicks: 5);
        Scenarios.LongStoppedOut(h, T0 + Second, gapTicks: 5);
        Assert.That(h.Engine.State.KillSwitch.IsTripped, Is.False);
        Assert.That(h.Engine.State.Daily.SlippageBreaches, Is.EqualTo(2));

        Scenarios.LongStoppedOut(h, T0 + 2 * Second, gapTicks: 5);
        Assert.Multiple(() =>
        {
            Assert.That(h.Engine.State.Daily.SlippageBreaches, Is.EqualTo(3));
            Assert.That(h.Engine.State.KillSwitch.IsTripped, Is.True);
            Assert.That(h.Engine.State.KillSwitch.Reason, Is.EqualTo(KillSwitchReason.SlippageBreaches));
            Assert.That(h.Journal.Trades.Select(t => t.SlippageTicks), Is.All.GreaterThanOrEqualTo(5));
        });
    }

    [Test]
    public void Kill_FlattenOnKill_ClosesThePositionAtMarketAndBlocksEntries()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var stop = h.Engine.Brackets(0).StopOrder!;

        Assert.That(h.Engine.Kill("owner said so"), Is.True);
        var exit = h.Orders.PlacedWith(OrderRole.Exit).Single();
        Assert.That((exit.Type, exit.QtyLots, exit.ReduceOnly), Is.EqualTo((OrderType.Market, 150L, true)), "sent within the kill call");
        h.RunThrough(h.Now + 20 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.LastTrade.Reason, Is.EqualTo(ExitReason.KillSwitch));
            Assert.That(h.Engine.Brackets(0).HasPosition, Is.False);
            Assert.That(h.Orders.Cancels, Does.Contain(stop.ClientOrderId));
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
            Assert.That(h.Engine.State.KillSwitch.Reason, Is.EqualTo(KillSwitchReason.Manual));
        });

        h.StartLongAt999(h.Now + 100 * Ms);
        Assert.Multiple(() =>
        {
            Assert.That(h.Journal.Decisions[^1].Gate, Is.EqualTo(GateReason.KillSwitch));
            Assert.That(h.Orders.PlacedWith(OrderRole.Entry).Count(), Is.EqualTo(1));
            Assert.That(h.Journal.ShadowTrades[^1].BlockedBy, Is.EqualTo(GateReason.KillSwitch), "blocked entries are shadowed");
        });
    }

    [Test]
    public void Kill_KeepProtectedPositions_LeavesThePositionUnderItsBracket()
    {
        using var h = new EngineHarness(o => o.Risk.KillSwitch.FlattenOnKill = false);
        h.OpenLong(T0);
        h.Engine.Kill();
        h.RunThrough(h.Now + 50 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.Orders.PlacedWith(OrderRole.Exit), Is.Empty);
            Assert.That(h.Engine.Brackets(0).Position!.QtyLots, Is.EqualTo(150));
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.EqualTo(2), "stop and take-profit still at the exchange");
        });

        h.Quote(h.Now, 1019, 1020);
        h.Trade(h.Now + Ms, 1020, 5, Side.Buy);
        h.RunThrough(h.Now + 20 * Ms);
        Assert.That(h.LastTrade.Reason, Is.EqualTo(ExitReason.TakeProfit), "the bracket still works while tripped");
    }

    [Test]
    public void Kill_WhileAnEntryIsWorking_CancelsIt()
    {
        using var h = new EngineHarness();
        h.StartLongAt999(T0);
        var entry = h.Orders.PlacedWith(OrderRole.Entry).Single();
        h.Engine.Kill();
        h.RunThrough(h.Now + 20 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.Orders.Cancels, Is.EqualTo(new[] { entry.ClientOrderId }));
            Assert.That(h.Engine.Router(0).State, Is.EqualTo(EntryRouterState.Idle));
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
        });
    }

    [Test]
    public void Resume_AfterAManualKill_EntriesFlowAgain()
    {
        using var h = new EngineHarness();
        h.Engine.Kill();
        h.StartLongAt999(T0);
        Assert.That(h.Orders.Placed, Is.Empty);

        Assert.That(h.Engine.Resume(), Is.True);
        Scenarios.Nudge(h, T0 + 100 * Ms);
        Assert.Multiple(() =>
        {
            Assert.That(h.Engine.State.KillSwitch.IsTripped, Is.False);
            Assert.That(h.Orders.PlacedWith(OrderRole.Entry).Count(), Is.EqualTo(1));
            Assert.That(h.Journal.Decisions.Select(d => d.Gate), Is.EqualTo(new[] { GateReason.KillSwitch, GateReason.Pass, GateReason.EntryWorking }));
            Assert.That(h.Engine.Resume(), Is.False, "nothing to resume");
        });
    }

    [Test]
    public void Resume_AfterTheDailyLossTrip_TheDailyLossGateStillBlocksToday()
    {
        using var h = new EngineHarness(o =>
        {
            o.Risk.DailyLossLimitR = 1;
            o.Gates.CooldownAfterLossSeconds = 0;
        });
        Scenarios.LongStoppedOut(h, T0);
        Assert.That(h.Engine.State.KillSwitch.IsTripped, Is.True);
        h.Engine.Resume();

        h.StartLongAt999(T0 + Second);
        Assert.That(h.Journal.Decisions[^1].Gate, Is.EqualTo(GateReason.DailyLossLimit));
    }

    [Test]
    public void Shutdown_WithAWorkingEntryAndAPosition_CancelsTheEntryAndKeepsTheStop()
    {
        var eth = new Smallfish.Core.Instruments.InstrumentSpec("ETHTEST", 0.1m, 1m, 1m, 5m);
        using var h = new EngineHarness(extra: eth);
        h.OpenLong(T0);
        h.Quote(T0 + 100 * Ms, 999, 1000, symbolId: 1);
        h.Signals.Want(+1, symbolId: 1);
        h.Trade(T0 + 105 * Ms, 1000, 1, Side.Buy, symbolId: 1);
        h.RunThrough(T0 + 120 * Ms);
        Assert.That(h.Engine.Router(1).IsActive, Is.True);

        h.Engine.BeginShutdown();
        h.RunThrough(T0 + 150 * Ms);
        Assert.Multiple(() =>
        {
            Assert.That(h.Venue.WorkingOrderCount("ETHTEST"), Is.Zero);
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.EqualTo(2), "stop and take-profit stay");
            Assert.That(h.Engine.IsHalted, Is.True);
        });
    }
}
