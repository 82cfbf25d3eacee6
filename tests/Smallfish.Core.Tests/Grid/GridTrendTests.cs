using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Fees;
using Smallfish.Simulation.Venue.Latency;

namespace Smallfish.Core.Tests.Grid;

/// <summary>A market that only falls: the inventory cap holds the exposure and the grid stop bounds the loss.</summary>
public class GridTrendTests
{
    private const decimal TakerBps = 5.5m; // Bybit VIP 0, the harness's fee model

    [Test]
    public void Downtrend_WideStop_InventoryStopsAtTheCap()
    {
        var h = new GridHarness(GridHarness.Options3x10(o =>
        {
            o.MaxInventoryLevels = 2; // 4 lots
            o.GridStopPct = 50;      // out of reach here
        }));
        h.Quote(1000);

        h.WalkTo(850);

        var state = h.Grid.Snapshot();
        Assert.That(state.MaxInventoryLots, Is.EqualTo(4));
        Assert.That(state.InventoryLots, Is.EqualTo(4), "the grid filled up to its cap");
        Assert.That(state.PeakInventoryLots, Is.EqualTo(4));
        Assert.That(h.PeakVenueLots, Is.EqualTo(4), "the venue never held more than the cap");
        Assert.That(state.Recenters, Is.GreaterThan(0), "the center followed the price down");
        Assert.That(state.Orders.Where(o => o.Side == Side.Buy).Sum(o => o.Lots - o.FilledLots), Is.Zero, "no buy may work while the cap is full");
        Assert.That(state.Mode, Is.EqualTo(GridMode.Running));
    }

    [Test]
    public void Downtrend_GridStop_ClosesEverythingWithALossBoundedByTheConfiguration()
    {
        const decimal stop = 5m;
        var h = new GridHarness(GridHarness.Options3x10(o =>
        {
            o.MaxInventoryLevels = 2;
            o.GridStopMoney = stop; // smaller than 3 % of 10,000
        }));
        h.Quote(1000);

        h.WalkTo(900);
        int commandsAtStop = h.Commands.Log.Count;
        h.WalkTo(850);

        var state = h.Grid.Snapshot();
        Assert.That(state.Mode, Is.EqualTo(GridMode.Stopped));
        Assert.That(state.StopReason, Is.EqualTo(GridStopReason.LossLimit));
        Assert.That(state.InventoryLots, Is.Zero);
        Assert.That(h.Venue.GetPosition(GridHarness.Symbol).NetLots, Is.Zero);
        Assert.That(h.Venue.WorkingOrderCount(GridHarness.Symbol), Is.Zero);
        Assert.That(h.Grid.WorkingOrderCount, Is.Zero);
        Assert.That(h.Commands.Since(commandsAtStop), Is.Empty, "a stopped grid stays stopped");
        Assert.That(h.Trips.Count(t => t.Exit == GridExitKind.Flatten), Is.GreaterThan(0));

        // The stop fires on the first update where realized + unrealized (marked at the bid) <= -stop; the update before
        // was above it, and the price moves one tick per update. From there the loss grows only by what the flatten adds:
        // the cap's lots walk the book (3 lots per level, so ceil(4 / 3) = 2 levels: one tick below the marked bid) and
        // pay the taker fee (at most at the start price of 100.0).
        long cap = state.MaxInventoryLots;
        const long stepTicks = 1;
        long walkTicks = (cap + GridHarness.DepthLots - 1) / GridHarness.DepthLots - 1;
        decimal bound = stop + cap * (stepTicks + walkTicks) * GridHarness.TickValue + cap * 100.0m * TakerBps / 10_000m;
        decimal loss = -state.RealizedPnl;
        Assert.That(loss, Is.GreaterThanOrEqualTo(stop), "it stopped because the loss reached the stop");
        Assert.That(loss, Is.LessThanOrEqualTo(bound));
        Assert.That(state.RealizedPnl, Is.EqualTo(h.Trips.Sum(t => t.NetPnl)));
    }

    [Test]
    public void Reset_AfterTheStop_StartsAgainFromAFreshCenter()
    {
        var h = new GridHarness(GridHarness.Options3x10(o =>
        {
            o.MaxInventoryLevels = 2;
            o.GridStopMoney = 5m;
        }));
        h.Quote(1000);
        h.WalkTo(900);
        Assert.That(h.Grid.Mode, Is.EqualTo(GridMode.Stopped));

        Assert.That(h.Grid.Reset(), Is.True);
        h.Quote(900);

        var state = h.Grid.Snapshot();
        Assert.That((state.Mode, state.CenterTicks), Is.EqualTo((GridMode.Running, 900L)));
        Assert.That(state.Orders.Select(o => o.PriceTicks), Is.EqualTo(new long[] { 880, 890, 910, 920 }), "2 levels each way: the cap is 4 lots");
        Assert.That(h.Grid.Reset(), Is.False, "not stopped any more");
    }

    [Test]
    public void Recenter_AtTheCap_NewLevelsWaitUntilTheCancelledOnesAreGone()
    {
        var h = new GridHarness(GridHarness.Options3x10(o => o.BiasStrength = 2.2), new SimulatedVenueOptions
        {
            Fees = MakerTakerFeeModel.BybitVip0,
            Latency = new ConstantLatencyModel(0, 5 * GridHarness.Ms, 5 * GridHarness.Ms),
        });
        h.Quote(1000);
        h.Wait(20 * GridHarness.Ms);
        int before = h.Commands.Log.Count;

        h.Fusion = GridHarness.Signal(+1, 1.0);
        h.Quote(1000); // cancels 980 and 970 go out; 1000 would make the worst case 2 + 4 (cancelling) + 2 = 8 > 6
        Assert.That(h.Commands.Since(before).Count(l => l.StartsWith("place buy", StringComparison.Ordinal)), Is.Zero);

        h.Wait(20 * GridHarness.Ms); // the cancels are confirmed
        h.Quote(1000);
        Assert.That(h.Commands.Since(before).Count(l => l.StartsWith("place buy 1000", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(h.PeakVenueLots, Is.Zero);
    }
}
