using Smallfish.Core.Domain;
using static Smallfish.Core.Tests.Simulation.Venue.VenueHarness;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>Stop and take-profit orders trigger on the trade price and execute as market orders against the book.</summary>
public class VenueConditionalScenarioTests
{
    /// <summary>Long 10 lots bought at 100.0, book around 99.9/100.1.</summary>
    private static VenueHarness StartLong()
    {
        var h = new VenueHarness();
        h.Snapshot(T0, [(999, 10), (998, 10), (990, 5), (985, 50)], [(1000, 10), (1001, 30)]);
        h.RunThrough(T0);
        h.PlaceNow(h.Market(Side.Buy, 10));
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(10));
        return h;
    }

    [Test]
    public void Stop_PriceGapsThroughTrigger_FillsAtTheWorseBookPrice()
    {
        var h = StartLong();
        var stop = h.PlaceNow(h.Stop(Side.Sell, 995, 10));
        Assert.That(h.LastUpdate(stop.ClientOrderId).Status, Is.EqualTo(OrderStatus.New));

        h.Trade(T0 + 2 * Ms, 988, 3, Side.Sell); // gap: the first print below 99.5 is at 98.8
        h.RunThrough(T0 + 2 * Ms);

        var fills = h.FillsOf(stop.ClientOrderId);
        // Bids at 99.9..99.0 in the venue's view are stale after a print at 98.8: the stop fills at 98.5.
        Assert.That(fills.Select(f => (f.PriceTicks, f.QtyLots, f.IsMaker)), Is.EqualTo(new[] { (985L, 10L, false) }));
        Assert.That(h.LastUpdate(stop.ClientOrderId).Status, Is.EqualTo(OrderStatus.Filled));
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);
    }

    [Test]
    public void Stop_NotReached_StaysArmed()
    {
        var h = StartLong();
        var stop = h.PlaceNow(h.Stop(Side.Sell, 995, 10));
        h.Trade(T0 + 2 * Ms, 996, 3, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);
        Assert.That(h.FillsOf(stop.ClientOrderId), Is.Empty);
        Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.EqualTo(1));
    }

    [Test]
    public void Stop_TriggerAlreadyCrossed_Rejected()
    {
        var h = StartLong();
        h.Trade(T0 + 1 * Ms, 994, 1, Side.Sell);
        var stop = h.PlaceNow(h.Stop(Side.Sell, 995, 10));
        var last = h.LastUpdate(stop.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Rejected, RejectReason.Other)));
    }

    [Test]
    public void TakeProfit_PriceRisesToTrigger_SellsIntoTheBids()
    {
        var h = StartLong();
        var tp = h.PlaceNow(h.Stop(Side.Sell, 1002, 10, OrderType.TakeProfitMarket));
        h.Delta(T0 + 2 * Ms, [(1001, 4), (1000, 20)], [(1000, 0), (1001, 0), (1003, 5)]);
        h.Trade(T0 + 3 * Ms, 1002, 1, Side.Buy);
        h.RunThrough(T0 + 3 * Ms);
        Assert.That(h.FillsOf(tp.ClientOrderId).Select(f => (f.PriceTicks, f.QtyLots)),
            Is.EqualTo(new[] { (1001L, 4L), (1000L, 6L) }));
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);
    }

    [Test]
    public void Stop_PositionAlreadyClosed_ExpiresAsReduceOnlyViolation()
    {
        var h = StartLong();
        var stop = h.PlaceNow(h.Stop(Side.Sell, 995, 10));
        h.PlaceNow(h.Market(Side.Sell, 10, reduceOnly: true));
        h.Trade(T0 + 2 * Ms, 990, 1, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);
        Assert.That(h.FillsOf(stop.ClientOrderId), Is.Empty);
        var last = h.LastUpdate(stop.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Expired, RejectReason.ReduceOnlyViolated)));
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);
    }

    [Test]
    public void Stop_AmendTrigger_MovesTheStop()
    {
        var h = StartLong();
        var stop = h.PlaceNow(h.Stop(Side.Sell, 990, 10));
        h.Venue.Amend(Symbol, stop.ClientOrderId, 997, 0);
        h.RunThrough(h.Now);
        Assert.That(h.LastUpdate(stop.ClientOrderId).Reject, Is.EqualTo(RejectReason.None));
        h.Trade(T0 + 2 * Ms, 997, 1, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);
        Assert.That(h.FillsOf(stop.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(10));
    }
}
