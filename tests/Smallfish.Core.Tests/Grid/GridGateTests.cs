using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Tests.Grid;

/// <summary>The kill switch and the other gates acting on a grid that holds inventory and working orders.</summary>
public class GridGateTests
{
    /// <summary>A grid long 2 lots (the buy at 990 filled) with its take-profit and five levels working.</summary>
    private static GridHarness LongWithTakeProfit(bool flattenOnKill = true, Action<MultigridOptions>? change = null)
    {
        var h = new GridHarness(GridHarness.Options3x10(change), flattenOnKill: flattenOnKill);
        h.Quote(1000);
        h.WalkTo(988);
        h.WalkTo(992, tradeLots: 0);
        Assert.That(h.Grid.InventoryLots, Is.EqualTo(2));
        Assert.That(h.Grid.Snapshot().Orders.Count(o => o.Kind == GridOrderKind.TakeProfit), Is.GreaterThan(0));
        return h;
    }

    [Test]
    public void KillSwitch_FromTheGate_CancelsEveryGridOrderAndFlattens()
    {
        var h = LongWithTakeProfit();
        int working = h.Grid.WorkingOrderCount;
        int before = h.Commands.Log.Count;

        h.Gate.Reason = GateReason.KillSwitch;
        h.Quote(992);
        h.Wait(GridHarness.Ms);

        var sent = h.Commands.Since(before);
        Assert.That(working, Is.EqualTo(5 + 2), "five levels and a take-profit per partial fill of the buy");
        Assert.That(sent.Count(l => l.StartsWith("cancel", StringComparison.Ordinal)), Is.EqualTo(working));
        Assert.That(sent.Last(), Does.StartWith("place sell 0 x2 Market ImmediateOrCancel reduce-only GridTakeProfit"));
        Assert.That(h.Grid.WorkingOrderCount, Is.Zero);
        Assert.That(h.Venue.WorkingOrderCount(GridHarness.Symbol), Is.Zero);
        Assert.That(h.Grid.InventoryLots, Is.Zero);
        Assert.That(h.Venue.GetPosition(GridHarness.Symbol).NetLots, Is.Zero);
        Assert.That(h.Grid.Mode, Is.EqualTo(GridMode.Killed));

        int afterKill = h.Commands.Log.Count;
        h.WalkTo(1000, tradeLots: 0);
        Assert.That(h.Commands.Since(afterKill), Is.Empty, "nothing while the kill switch stays tripped");
    }

    [Test]
    public void KillSwitch_WithoutFlatten_CancelsEverythingAndKeepsTheInventory()
    {
        var h = LongWithTakeProfit(flattenOnKill: false);

        h.Grid.OnKillSwitch(); // immediately, without waiting for a market update
        h.Wait(GridHarness.Ms);

        Assert.That(h.Grid.WorkingOrderCount, Is.Zero);
        Assert.That(h.Venue.WorkingOrderCount(GridHarness.Symbol), Is.Zero);
        Assert.That(h.Grid.InventoryLots, Is.EqualTo(2));
        Assert.That(h.Commands.Placed.Any(p => p.Type == OrderType.Market), Is.False);
    }

    [Test]
    public void KillSwitch_Resumed_ReArmsTheGridFromAFreshCenter()
    {
        var h = LongWithTakeProfit(flattenOnKill: false);
        h.Gate.Reason = GateReason.KillSwitch;
        h.Quote(992);
        h.Wait(GridHarness.Ms);

        h.Gate.Reason = GateReason.Pass;
        h.Quote(995);
        h.Wait(GridHarness.Ms);

        var state = h.Grid.Snapshot();
        Assert.That(state.Mode, Is.EqualTo(GridMode.Running));
        Assert.That(state.CenterTicks, Is.EqualTo(995));
        var takeProfit = state.Orders.Single(o => o.Kind == GridOrderKind.TakeProfit);
        Assert.That((takeProfit.Side, takeProfit.PriceTicks, takeProfit.Lots), Is.EqualTo((Side.Sell, 1000L, 2L)), "the kept inventory gets its take-profit back");
        Assert.That(state.Orders.Where(o => o.Kind == GridOrderKind.Level).Select(o => o.PriceTicks), Is.EqualTo(new long[] { 985, 975, 1005, 1015, 1025 }.Order()));
    }

    [Test]
    public void FundingWindow_CancelsTheLevelsAndKeepsTheTakeProfit()
    {
        var h = LongWithTakeProfit();

        h.Gate.Reason = GateReason.FundingWindow;
        h.Quote(992);
        h.Wait(GridHarness.Ms);

        var state = h.Grid.Snapshot();
        Assert.That(state.Mode, Is.EqualTo(GridMode.Holding));
        Assert.That(state.Orders.Select(o => o.Kind), Is.All.EqualTo(GridOrderKind.TakeProfit));
        Assert.That(state.Orders.Sum(o => o.Lots), Is.EqualTo(2));
        Assert.That(h.Grid.InventoryLots, Is.EqualTo(2));

        h.WalkTo(1002); // the take-profit still harvests inside the window
        Assert.That(h.Grid.InventoryLots, Is.Zero);
        Assert.That(h.Trips.Select(t => t.Exit), Is.All.EqualTo(GridExitKind.TakeProfit));
        Assert.That(h.Trips.Sum(t => t.Lots), Is.EqualTo(2));
        Assert.That(h.Grid.Snapshot().Orders, Is.Empty, "no level re-armed while the window lasts");
    }

    [Test]
    public void SpreadGate_HoldsTheWorkingOrdersAndPlacesNothingNew()
    {
        var h = LongWithTakeProfit(change: o => o.BiasStrength = 3.0);
        var working = h.Grid.Snapshot().Orders.Select(o => o.ClientOrderId).ToList();
        int before = h.Commands.Log.Count;

        h.Gate.Reason = GateReason.SpreadTooWide;
        h.Fusion = GridHarness.Signal(+1, 1.0); // 3 levels up: a re-centering, but the gate holds
        h.Quote(993);
        h.Quote(994);

        Assert.That(h.Commands.Since(before), Is.Empty);
        Assert.That(h.Grid.Snapshot().Orders.Select(o => o.ClientOrderId), Is.EquivalentTo(working));
        Assert.That(h.Grid.Snapshot().Mode, Is.EqualTo(GridMode.Holding));
    }
}
