using Smallfish.Core.Domain;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Fees;
using Smallfish.Simulation.Venue.Latency;

namespace Smallfish.Core.Tests.Grid;

/// <summary>Same stream, same clock: the same commands, and no client order id ever used twice.</summary>
public class GridDeterminismTests
{
    /// <summary>
    /// Swings with partial fills and post-only rejects, a bullish bias, a bearish one, a bullish bias against a downtrend
    /// that runs into the grid stop, a reset: every path of the grid, with latency on the feed, the orders and the reports.
    /// </summary>
    private static GridHarness Run()
    {
        var h = new GridHarness(GridHarness.Options3x10(o =>
        {
            o.BiasStrength = 2.5;
            o.GridStopMoney = 3m;
        }), new SimulatedVenueOptions
        {
            Fees = MakerTakerFeeModel.BybitVip0,
            Latency = new ConstantLatencyModel(2 * GridHarness.Ms, 3 * GridHarness.Ms, 4 * GridHarness.Ms),
        });
        h.Venue.Faults.MaxFillLots = 1;
        h.Quote(1000);
        h.Venue.Faults.RejectNext(2, RejectReason.PostOnlyWouldTake);
        for (int i = 0; i < 3; i++)
        {
            h.WalkTo(984);
            h.WalkTo(1016);
        }
        h.Fusion = GridHarness.Signal(+1, 0.9);
        h.WalkTo(1030);
        h.WalkTo(1005);
        h.Fusion = GridHarness.Signal(-1, 0.7);
        h.WalkTo(980);
        h.Fusion = GridHarness.Signal(+1, 0.7);
        h.WalkTo(800);
        Assert.That(h.Grid.Reset(), Is.True, "the trend ran into the grid stop");
        h.Fusion = null;
        h.WalkTo(815);
        h.WalkTo(805);
        h.Wait(GridHarness.Ms * 50);
        return h;
    }

    [Test]
    public void SameStreamTwice_IdenticalCommandsAndOutcome()
    {
        var first = Run();
        var second = Run();

        Assert.That(first.Commands.Log, Has.Count.GreaterThan(40), "the script exercises the grid");
        Assert.That(second.Commands.Log, Is.EqualTo(first.Commands.Log));
        Assert.That(second.Fills, Is.EqualTo(first.Fills));
        Assert.That(second.Grid.Snapshot().RealizedPnl, Is.EqualTo(first.Grid.Snapshot().RealizedPnl));
    }

    [Test]
    public void WholeScript_NoClientOrderIdIsEverReused()
    {
        var h = Run();

        var ids = h.Commands.Placed.Select(p => p.ClientOrderId).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(h.Updates.Any(u => u.Reject == RejectReason.DuplicateClientOrderId), Is.False);
        Assert.That(h.Commands.Placed.Select(p => p.Role), Is.All.AnyOf(OrderRole.GridLevel, OrderRole.GridTakeProfit));
        Assert.That(ids.All(id => ClientOrderId.TryParse(id, out var parts) && parts.Run == 7 && parts.SymbolId == 0), Is.True);
        Assert.That(h.Grid.Snapshot().PostOnlyRejects, Is.EqualTo(2));
        Assert.That(h.Trips.Select(t => t.Exit), Has.Some.EqualTo(Core.Grid.GridExitKind.Flatten).And.Some.EqualTo(Core.Grid.GridExitKind.TakeProfit));
    }

    [Test]
    public void WholeScript_AccountingIdentitiesHold()
    {
        var h = Run();
        var state = h.Grid.Snapshot();

        Assert.That(state.RealizedPnl, Is.EqualTo(h.Trips.Sum(t => t.NetPnl)));
        Assert.That(h.Trips.Sum(t => t.Fees) + state.Units.Sum(u => u.EntryFees), Is.EqualTo(state.Fees).Within(1e-20m), "every fee is in a round trip or in open inventory");
        Assert.That(state.Fees, Is.EqualTo(h.Fills.Sum(f => f.Fee)));
        Assert.That(state.InventoryLots, Is.EqualTo(h.Venue.GetPosition(GridHarness.Symbol).NetLots));
        Assert.That(state.PeakInventoryLots, Is.LessThanOrEqualTo(state.MaxInventoryLots));
        Assert.That(h.PeakVenueLots, Is.LessThanOrEqualTo(6));
    }
}
