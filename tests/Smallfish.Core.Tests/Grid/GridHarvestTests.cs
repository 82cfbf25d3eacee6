using Smallfish.Core.Domain;
using Smallfish.Core.Grid;

namespace Smallfish.Core.Tests.Grid;

/// <summary>A market that oscillates through the levels: each crossing fills a level, each return fills its take-profit.</summary>
public class GridHarvestTests
{
    private const int Swings = 4;

    private static GridHarness Oscillate()
    {
        var h = new GridHarness(GridHarness.Options3x10());
        h.Quote(1000);
        for (int i = 0; i < Swings; i++)
        {
            h.WalkTo(985); // through the buy at 990 (and the sell take-profit's return leg)
            h.WalkTo(1015); // through the take-profit at 1000 and the sell at 1010
        }
        h.WalkTo(998); // the last short closes at 1000; the buy at 990 is not reached
        h.Wait(GridHarness.Ms);
        return h;
    }

    [Test]
    public void Oscillation_ThroughTheLevels_HarvestsOneSpacingPerRoundTripAfterFees()
    {
        var h = Oscillate();
        var state = h.Grid.Snapshot();

        var takeProfits = h.Trips.Where(t => t.Exit == GridExitKind.TakeProfit).ToList();
        Assert.That(takeProfits.Sum(t => t.Lots), Is.EqualTo(2 * Swings * 2), "every swing closes a long at 1000 and a short at 1000, two lots each");
        Assert.That(h.Trips.All(t => t.Exit == GridExitKind.TakeProfit), Is.True);
        foreach (var trip in takeProfits)
        {
            Assert.That(trip.GrossPnl, Is.EqualTo(10 * trip.Lots * GridHarness.TickValue), "one spacing of 10 ticks per lot");
            Assert.That(trip.NetPnl, Is.EqualTo(trip.GrossPnl - trip.Fees));
            Assert.That(trip.Fees, Is.GreaterThan(0m), "maker fees both ways");
        }
        Assert.That(state.RealizedPnl, Is.EqualTo(h.Trips.Sum(t => t.NetPnl)), "realized P&L is the sum of the round trips");
        Assert.That(state.RealizedPnl, Is.GreaterThan(0m));
        Assert.That(state.RealizedPnl, Is.EqualTo(2 * Swings * 2 * 1.0m - state.Fees), "flat at the end: every fee belongs to a closed round trip");
        Assert.That(state.InventoryLots, Is.Zero);
    }

    [Test]
    public void Oscillation_FirstCrossing_FillsOnlyWhatTradedPastTheQueueAhead()
    {
        var h = Oscillate();

        var firstLevelFill = h.Fills.First(f => f.PriceTicks == 990);
        // The buy joined behind the 3 lots visible at 990; the first print there was 4 lots: 3 to the queue, 1 to us.
        Assert.That(firstLevelFill.QtyLots, Is.EqualTo(1));
        Assert.That(firstLevelFill.IsMaker, Is.True);
        Assert.That(h.Fills.All(f => f.IsMaker), Is.True, "post-only levels and take-profits only");
    }

    [Test]
    public void Oscillation_AgreesWithTheVenuesLedger()
    {
        var h = Oscillate();
        var state = h.Grid.Snapshot();
        var venue = h.Venue.GetPosition(GridHarness.Symbol);

        Assert.That(venue.NetLots, Is.EqualTo(state.InventoryLots));
        Assert.That(venue.Fees, Is.EqualTo(state.Fees));
        Assert.That(venue.RealizedPnl - venue.Fees, Is.EqualTo(state.RealizedPnl), "once flat, FIFO units and the venue's average cost realize the same total");
    }

    [Test]
    public void Oscillation_FilledTakeProfit_ReArmsItsLevel()
    {
        var h = Oscillate();

        var buysAt990 = h.Commands.Placed.Where(p => p.Side == Side.Buy && p.PriceTicks == 990 && p.Role == OrderRole.GridLevel).ToList();
        Assert.That(buysAt990, Has.Count.EqualTo(1 + Swings), "placed once at start and re-armed after each of its take-profits");
        Assert.That(h.Grid.Snapshot().Orders.Count(o => o.Kind == GridOrderKind.Level && o.PriceTicks == 990), Is.EqualTo(1));
    }
}
