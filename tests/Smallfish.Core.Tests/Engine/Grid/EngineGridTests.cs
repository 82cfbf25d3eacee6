using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Risk;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Engine.Grid;

/// <summary>The multigrid through the real engine and the simulated venue: harvest, trend, bias, kill switch, determinism.</summary>
public class EngineGridTests
{
    private const decimal TickValue = 0.1m; // 0.1 USDT per tick per lot

    private static EngineGridMarket Oscillate(int cycles = 3, Action<EngineHarness>? beforeStart = null)
    {
        var m = new EngineGridMarket();
        beforeStart?.Invoke(m.H);
        m.Quote(1000);
        m.Quote(1000);
        for (int i = 0; i < cycles; i++)
        {
            m.WalkTo(975);
            m.WalkTo(1025);
        }
        m.WalkTo(1000);
        m.Wait(500 * Ms);
        return m;
    }

    [Test]
    public void OnMarket_OscillatingMarket_HarvestsLevelProfitsNetOfFeesIntoTheOneLedger()
    {
        using var m = Oscillate();
        var trades = m.H.Journal.Trades;
        var takeProfits = trades.Where(t => t.Reason == ExitReason.TakeProfit).ToList();
        TestContext.Out.WriteLine($"oscillation: {takeProfits.Count} take-profits of {trades.Count} round trips, net {trades.Sum(t => t.NetPnl)}, fees {trades.Sum(t => t.Fees)}");

        Assert.Multiple(() =>
        {
            Assert.That(takeProfits, Has.Count.GreaterThanOrEqualTo(6), "each swing through the levels closes take-profits");
            Assert.That(takeProfits.Select(t => t.NetPnl), Is.All.GreaterThan(0m), "a harvest nets positive after both maker fees");
            Assert.That(takeProfits.Select(t => t.Fees), Is.All.GreaterThan(0m), "fees were charged");
            Assert.That(trades.Sum(t => t.NetPnl), Is.GreaterThan(0m));
            // One ledger: the engine's equity moved by exactly the journaled round trips, which are the grid's realized P&L.
            Assert.That(m.H.Engine.State.Equity.Equity - 10_000m, Is.EqualTo(trades.Sum(t => t.NetPnl)));
            Assert.That(m.Grid.RealizedPnl, Is.EqualTo(trades.Sum(t => t.NetPnl)));
            Assert.That(m.H.Orders.PlacedWith(OrderRole.Entry), Is.Empty, "the scalper does not enter a grid symbol");
            Assert.That(m.H.Engine.UnknownReports, Is.Zero, "every grid report reached the grid");
            Assert.That(m.H.Journal.OrdersSent.Count(s => s.Request.Role == OrderRole.GridLevel), Is.GreaterThan(0), "grid orders are journaled");
        });
    }

    [Test]
    public void OnMarket_OscillatingMarket_EngineEquityMatchesTheVenueOnceFlat()
    {
        using var m = Oscillate();
        // close whatever inventory is left with the grid stop's flatten, then compare the books
        m.Grid.Stop();
        m.Quote(1000);
        m.Wait(500 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(m.VenueLots, Is.Zero);
            Assert.That(m.Grid.InventoryLots, Is.Zero);
            Assert.That(m.H.Engine.State.Equity.Equity, Is.EqualTo(m.H.Venue.Account.Balance), "engine equity = venue wallet");
        });
    }

    [Test]
    public void SnapshotGrids_GridWorking_SameStateAsThePublishedSnapshotForStatusReaders()
    {
        using var m = Oscillate();
        IGridSnapshotSource source = m.H.Engine;
        var copied = source.SnapshotGrids().Single();
        var published = m.H.Engine.State.Publish().Grids.Single();
        Assert.Multiple(() =>
        {
            Assert.That(copied.Symbol, Is.EqualTo(published.Symbol));
            Assert.That(copied.Mode, Is.EqualTo(published.Mode));
            Assert.That(copied.InventoryLots, Is.EqualTo(published.InventoryLots));
            Assert.That(copied.Orders, Has.Length.EqualTo(published.Orders.Length).And.Length.GreaterThan(0));
        });
    }

    [Test]
    public void OnMarket_TrendingMarket_InventoryCapAndGridStopBoundTheLoss()
    {
        const decimal stopMoney = 10m;
        using var m = new EngineGridMarket(o => o.GridStopMoney = stopMoney);
        m.Quote(1000);
        m.Quote(1000);
        long peak = 0;
        while (m.Mid > 700)
        {
            m.WalkTo(m.Mid - 1);
            peak = Math.Max(peak, Math.Abs(m.VenueLots));
        }
        m.Wait(1000 * Ms);

        const long capLots = 3 * 2;
        // stop + one step of the market on the cap + the flatten's walk through 3-lot levels + its taker fee (5.5 bps)
        decimal bound = stopMoney + capLots * TickValue * (1 + (capLots + DepthLevels - 1) / DepthLevels) + capLots * 100m * 5.5m / 10_000m;
        decimal loss = 10_000m - m.H.Engine.State.Equity.Equity;
        var state = m.H.Engine.State.Publish().Grids.Single();
        TestContext.Out.WriteLine($"trend: loss {loss} (bound {bound}), peak {peak} lots, {m.H.Journal.Trades.Count} round trips");

        Assert.Multiple(() =>
        {
            Assert.That(peak, Is.LessThanOrEqualTo(capLots), "the inventory cap held at the venue");
            Assert.That(state.Mode, Is.EqualTo(GridMode.Stopped));
            Assert.That(state.StopReason, Is.EqualTo(GridStopReason.LossLimit));
            Assert.That(m.VenueLots, Is.Zero, "the grid stop flattened the inventory");
            Assert.That(m.VenueWorking, Is.Zero, "no grid order left working");
            Assert.That(loss, Is.GreaterThan(stopMoney * 0.5m), "the trend did cost something");
            Assert.That(loss, Is.LessThanOrEqualTo(bound), $"loss {loss} within the bound {bound}");
            Assert.That(m.H.Engine.State.Equity.Equity, Is.EqualTo(m.H.Venue.Account.Balance), "engine equity = venue wallet");
        });
    }

    private const long DepthLevels = EngineGridMarket.DepthLots;

    [Test]
    public void OnFill_GridLossesPastTheDailyLimitInR_TripTheKillSwitch()
    {
        // 1R = 0.1 % of 10 000 = 10 USDT; the grid stop at 10 USDT realizes about 1.1 R of loss when it flattens
        using var m = new EngineGridMarket(o => o.GridStopMoney = 10m, o =>
        {
            o.Risk.RiskPerTradePct = 0.1;
            o.Risk.DailyLossLimitR = 0.5;
        });
        m.Quote(1000);
        m.Quote(1000);
        while (m.Mid > 900 && !m.H.Engine.State.KillSwitch.IsTripped) m.WalkTo(m.Mid - 1);
        m.Wait(500 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(m.H.Engine.State.KillSwitch.IsTripped, Is.True);
            Assert.That(m.H.Engine.State.KillSwitch.Reason, Is.EqualTo(Core.State.KillSwitchReason.DailyLossR));
            Assert.That(m.H.Engine.State.Daily.NetR, Is.LessThanOrEqualTo(-0.5));
            Assert.That(m.VenueWorking, Is.Zero);
            Assert.That(m.VenueLots, Is.Zero);
        });
    }

    [TestCase(+1)]
    [TestCase(-1)]
    public void OnMarket_FusionBias_ShiftsTheCenterInTheSignalsDirection(int direction)
    {
        using var m = new EngineGridMarket(o => o.BiasStrength = 1.0);
        m.H.Signals.Want(direction, 0.8);
        m.Quote(1000);
        m.Quote(1000);
        m.Wait(50 * Ms);

        var state = m.H.Engine.State.Publish().Grids.Single();
        long expected = 1000 + direction * 8; // 1.0 x 0.8 levels of 10 ticks
        var buys = m.H.Venue.GetOpenOrders(Symbol).Where(o => o.Side == Side.Buy).Select(o => o.PriceTicks).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(state.CenterTicks, Is.EqualTo(expected));
            Assert.That(state.BiasLevels, Is.EqualTo(direction * 0.8).Within(1e-9));
            Assert.That(buys.Max(), Is.EqualTo(expected - 10), "the nearest buy moved with the center");
            Assert.That(m.H.Orders.PlacedWith(OrderRole.Entry), Is.Empty, "a wanted entry on a grid symbol only biases the grid");
        });
    }

    [Test]
    public void Kill_GridWorkingWithInventory_CancelsEveryGridOrderAndFlattens_ResumeRearms()
    {
        using var m = new EngineGridMarket();
        m.Quote(1000);
        m.Quote(1000);
        m.WalkTo(985); // fills the 990 buy: inventory plus its take-profit
        Assume.That(m.Grid.InventoryLots, Is.GreaterThan(0));
        Assume.That(m.VenueWorking, Is.GreaterThan(0));

        m.H.Engine.Kill("test");
        m.Wait(100 * Ms);
        m.Quote(985);
        m.Wait(100 * Ms);
        var killed = m.H.Engine.State.Publish();

        Assert.Multiple(() =>
        {
            Assert.That(m.VenueWorking, Is.Zero, "every grid order is cancelled at the venue");
            Assert.That(m.VenueLots, Is.Zero, "FlattenOnKill closes the grid's inventory");
            Assert.That(killed.Grids.Single().Mode, Is.EqualTo(GridMode.Killed));
            Assert.That(killed.Grids.Single().Gate, Is.EqualTo(GateReason.KillSwitch));
            Assert.That(killed.WorkingOrders, Is.Empty, "no grid order tracked as working");
        });

        int placedBefore = m.H.Orders.Placed.Count;
        m.Quote(985);
        Assert.That(m.H.Orders.Placed, Has.Count.EqualTo(placedBefore), "nothing new while the switch is tripped");

        Assert.That(m.H.Engine.Resume(), Is.True);
        m.Quote(985);
        m.Wait(50 * Ms);
        Assert.Multiple(() =>
        {
            Assert.That(m.VenueWorking, Is.GreaterThan(0), "the grid re-arms after /resume");
            Assert.That(m.Grid.Mode, Is.EqualTo(GridMode.Running));
        });
    }

    [Test]
    public void SetHalted_GridWorking_LevelsCancelledTakeProfitsKept()
    {
        using var m = new EngineGridMarket();
        m.Quote(1000);
        m.Quote(1000);
        m.WalkTo(985);
        Assume.That(m.Grid.InventoryLots, Is.GreaterThan(0));

        m.H.Engine.SetHalted(true);
        m.Quote(985);
        m.Wait(50 * Ms);
        var open = m.H.Venue.GetOpenOrders(Symbol);

        Assert.Multiple(() =>
        {
            Assert.That(open, Is.Not.Empty);
            Assert.That(open.Select(o => o.ReduceOnly), Is.All.True, "only the reduce-only take-profits stay");
            Assert.That(m.Grid.Mode, Is.EqualTo(GridMode.Holding));
        });
    }

    [Test]
    public void Run_SameGridStreamTwice_IdenticalCommandsAndJournal()
    {
        using var first = Oscillate(cycles: 2, h => h.Signals.Want(+1, 0.6));
        using var second = Oscillate(cycles: 2, h => h.Signals.Want(+1, 0.6));

        Assert.That(first.H.Journal.Trades, Is.Not.Empty, "the session must trade for the comparison to mean anything");
        Assert.That(RandomScenario.Digest(second.H), Is.EqualTo(RandomScenario.Digest(first.H)));
    }

    [Test]
    public void Build_GridOnSomeSymbols_ScalperKeepsTheOthers()
    {
        var other = new Core.Instruments.InstrumentSpec("OTHERUSDT", 0.1m, 1m, 1m, 5m);
        using var h = new EngineHarness(o =>
        {
            o.Multigrid = EngineGridMarket.Options();
            o.Multigrid.Symbols.Add("OTHERUSDT");
        }, extra: other);

        Assert.Multiple(() =>
        {
            Assert.That(h.Engine.Grid(0), Is.Null);
            Assert.That(h.Engine.Grid(1), Is.Not.Null);
            Assert.That(h.Engine.Grids, Has.Count.EqualTo(1));
        });
    }
}
