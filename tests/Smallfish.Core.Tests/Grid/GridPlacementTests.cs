using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Tests.Grid;

/// <summary>First placement, re-centering by diff, bias: the exact commands the grid sends to the simulated venue.</summary>
public class GridPlacementTests
{
    private static string Id(long sequence, OrderRole role = OrderRole.GridLevel, int attempt = 0) => ClientOrderId.Create(7, 0, sequence, role, attempt);

    [Test]
    public void OnMarket_FirstBook_PlacesPostOnlyBuysBelowAndSellsAboveTheMid()
    {
        var h = new GridHarness(GridHarness.Options3x10());

        h.Quote(1000);

        var c = h.Commands;
        Assert.That(c.Log, Is.EqualTo(new[]
        {
            c.PlaceLine(Side.Buy, 990, 2, Id(1)), c.PlaceLine(Side.Buy, 980, 2, Id(2)), c.PlaceLine(Side.Buy, 970, 2, Id(3)),
            c.PlaceLine(Side.Sell, 1010, 2, Id(4)), c.PlaceLine(Side.Sell, 1020, 2, Id(5)), c.PlaceLine(Side.Sell, 1030, 2, Id(6)),
        }));
        Assert.That(h.Venue.WorkingOrderCount(GridHarness.Symbol), Is.EqualTo(6));
        var state = h.Grid.Snapshot();
        Assert.That((state.Mode, state.CenterTicks, state.SpacingTicks, state.LotsPerLevel), Is.EqualTo((GridMode.Running, 1000L, 10L, 2L)));
        Assert.That(state.Orders.Select(o => (o.Index, o.Status)), Is.EqualTo(new[]
        {
            (-3, GridLevelStatus.Working), (-2, GridLevelStatus.Working), (-1, GridLevelStatus.Working),
            (1, GridLevelStatus.Working), (2, GridLevelStatus.Working), (3, GridLevelStatus.Working),
        }));
    }

    [Test]
    public void OnMarket_CenterMovesLessThanTheThreshold_SendsNothing()
    {
        var h = new GridHarness(GridHarness.Options3x10());
        h.Quote(1000);
        int before = h.Commands.Log.Count;

        h.WalkTo(1008, tradeLots: 0);
        h.WalkTo(993, tradeLots: 0);

        Assert.That(h.Commands.Since(before), Is.Empty);
        Assert.That(h.Grid.Snapshot().Recenters, Is.Zero);
    }

    [Test]
    public void OnMarket_BiasMovesTheCenterTwoLevels_CancelsAndPlacesOnlyWhatMoved()
    {
        var h = new GridHarness(GridHarness.Options3x10(o =>
        {
            o.BiasStrength = 2.2;
            o.MaxInventoryLevels = 5; // the cancelled orders count until confirmed: leave room for the new ones
        }));
        h.Quote(1000);
        int before = h.Commands.Log.Count;

        h.Fusion = GridHarness.Signal(+1, 1.0); // target 1000 + 2.2 levels = 1022: re-center by 2 levels to 1020
        h.Quote(1000);

        var c = h.Commands;
        Assert.That(c.Since(before), Is.EqualTo(new[]
        {
            "cancel " + Id(2), "cancel " + Id(3), // buys 980, 970 are no longer in the grid
            "cancel " + Id(4), "cancel " + Id(5), // sells 1010, 1020 are now below the center
            c.PlaceLine(Side.Buy, 1000, 2, Id(7)), // 1010 would take (ask 1001); 990 (id 1) keeps its queue place
            c.PlaceLine(Side.Sell, 1040, 2, Id(8)), c.PlaceLine(Side.Sell, 1050, 2, Id(9)), // 1030 (id 6) stays
        }));
        h.Wait(GridHarness.Ms);
        var state = h.Grid.Snapshot();
        Assert.That(state.CenterTicks, Is.EqualTo(1020));
        Assert.That(state.BiasLevels, Is.EqualTo(2.2).Within(1e-12));
        Assert.That(state.Orders.Select(o => o.PriceTicks), Is.EqualTo(new long[] { 990, 1000, 1030, 1040, 1050 }));
        Assert.That(h.Venue.WorkingOrderCount(GridHarness.Symbol), Is.EqualTo(5));
    }

    [TestCase(+1, new long[] { 1000, 990, 980 }, new long[] { 1020, 1030, 1040 })]
    [TestCase(-1, new long[] { 980, 970, 960 }, new long[] { 1000, 1010, 1020 })]
    public void OnMarket_SignalBias_ShiftsTheGridInTheSignalsDirection(int direction, long[] buys, long[] sells)
    {
        var h = new GridHarness(GridHarness.Options3x10(o => o.BiasStrength = 1.0)) { Fusion = GridHarness.Signal(direction, 1.0) };

        h.Quote(1000);

        Assert.That(h.Commands.Placed.Where(p => p.Side == Side.Buy).Select(p => p.PriceTicks), Is.EqualTo(buys));
        Assert.That(h.Commands.Placed.Where(p => p.Side == Side.Sell).Select(p => p.PriceTicks), Is.EqualTo(sells));
        Assert.That(h.Grid.Snapshot().TargetCenterTicks, Is.EqualTo(1000 + 10.0 * direction));
    }

    [Test]
    public void OnMarket_LevelThatWouldTake_WaitsUntilTheMarketLeavesIt()
    {
        var h = new GridHarness(GridHarness.Options3x10(o => o.BiasStrength = 1.5)) { Fusion = GridHarness.Signal(+1, 1.0) };

        h.Quote(1000); // center 1015: the buy at 1005 is above the ask of 1001
        Assert.That(h.Commands.Placed.Select(p => p.PriceTicks), Is.EqualTo(new long[] { 995, 985, 1025, 1035, 1045 }));

        h.WalkTo(1007, tradeLots: 0); // ask 1008: the level can rest now
        Assert.That(h.Commands.Placed[^1].PriceTicks, Is.EqualTo(1005));
        Assert.That(h.Commands.Placed[^1].Side, Is.EqualTo(Side.Buy));
        Assert.That(h.Commands.Cancelled, Is.Empty);
    }

    [Test]
    public void OnMarket_SignalWithoutQuality_DoesNotBias()
    {
        var h = new GridHarness(GridHarness.Options3x10(o => o.BiasStrength = 1.0));
        var fusion = GridHarness.Signal(+1, 1.0);
        fusion.QualityOk = false;
        h.Fusion = fusion;

        h.Quote(1000);

        Assert.That(h.Grid.Snapshot().CenterTicks, Is.EqualTo(1000));
    }

    [Test]
    public void OnMarket_GateHolds_PlacesNothingUntilItPasses()
    {
        var h = new GridHarness(GridHarness.Options3x10());
        h.Gate.Reason = GateReason.SpreadTooWide;

        h.Quote(1000);
        Assert.That(h.Commands.Log, Is.Empty);
        Assert.That(h.Grid.Snapshot().Gate, Is.EqualTo(GateReason.SpreadTooWide));

        h.Gate.Reason = GateReason.Pass;
        h.Quote(1000);
        Assert.That(h.Commands.Placed, Has.Count.EqualTo(6));
    }

    [Test]
    public void OnMarket_EquityTooSmallForOneLot_PlacesNothing()
    {
        var h = new GridHarness(GridHarness.Options3x10()) { Equity = 40m }; // 2 % = 0.8 USDT

        h.Quote(1000);

        Assert.That(h.Commands.Log, Is.Empty);
        Assert.That(h.Grid.Mode, Is.EqualTo(GridMode.Idle));
    }
}
