using Smallfish.Core.Domain;
using static Smallfish.Core.Tests.Simulation.Venue.VenueHarness;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>Cancels and amends: queue priority rules and answers for orders that are no longer working.</summary>
public class VenueAmendCancelScenarioTests
{
    private static VenueHarness Start()
    {
        var h = new VenueHarness();
        h.Snapshot(T0, [(999, 10), (998, 6)], [(1000, 8), (1001, 12)]);
        h.RunThrough(T0);
        return h;
    }

    [Test]
    public void Cancel_UnknownOrder_RejectedOrderNotFound()
    {
        var h = Start();
        h.Venue.Cancel(Symbol, "sf1-0-999-E0");
        h.RunThrough(h.Now);
        var last = h.LastUpdate("sf1-0-999-E0");
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Rejected, RejectReason.OrderNotFound)));
    }

    [Test]
    public void Cancel_FilledOrder_ReportsFilledWithOrderNotFound()
    {
        var h = Start();
        var order = h.PlaceNow(h.Market(Side.Buy, 2));
        h.Venue.Cancel(Symbol, order.ClientOrderId);
        h.RunThrough(h.Now);
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That((last.Status, last.Reject, last.FilledLots), Is.EqualTo((OrderStatus.Filled, RejectReason.OrderNotFound, 2L)));
    }

    [Test]
    public void Amend_QuantityDecrease_KeepsQueuePosition()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 5, TimeInForce.PostOnly));
        h.Trade(T0 + 1 * Ms, 999, 4, Side.Sell); // 6 ahead now
        h.RunThrough(T0 + 1 * Ms);
        h.Venue.Amend(Symbol, order.ClientOrderId, 0, 3);
        h.RunThrough(h.Now);
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out long ahead) && ahead == 6, Is.True);
        h.Trade(T0 + 2 * Ms, 999, 9, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);
        Assert.That(h.FillsOf(order.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(3));
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.Filled));
    }

    [Test]
    public void Amend_PriceChange_RejoinsAtTheBackOfTheNewLevel()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 2, TimeInForce.PostOnly));
        h.Trade(T0 + 1 * Ms, 999, 9, Side.Sell); // 1 ahead at 99.9
        h.RunThrough(T0 + 1 * Ms);
        h.Venue.Amend(Symbol, order.ClientOrderId, 998, 0);
        h.RunThrough(h.Now);
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.New));
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out long ahead) && ahead == 6, Is.True);
        h.Trade(T0 + 2 * Ms, 998, 6, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);
        Assert.That(h.FillsOf(order.ClientOrderId), Is.Empty);
    }

    [Test]
    public void Amend_QuantityIncrease_LosesQueuePosition()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 2, TimeInForce.PostOnly));
        h.Trade(T0 + 1 * Ms, 999, 5, Side.Sell);
        h.Delta(T0 + 2 * Ms, [(999, 12)], []); // 5 traded away, 7 joined behind us
        h.RunThrough(T0 + 2 * Ms);
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out long ahead) && ahead == 5, Is.True);
        h.Venue.Amend(Symbol, order.ClientOrderId, 0, 4);
        h.RunThrough(h.Now);
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out ahead) && ahead == 12, Is.True);
    }

    [Test]
    public void Amend_PostOnlyToCrossingPrice_CancelledPostOnlyWouldTake()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 2, TimeInForce.PostOnly));
        h.Venue.Amend(Symbol, order.ClientOrderId, 1000, 0);
        h.RunThrough(h.Now);
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Cancelled, RejectReason.PostOnlyWouldTake)));
        Assert.That(h.Fills, Is.Empty);
    }

    [Test]
    public void Amend_QuantityNotAboveFilled_RefusedOrderUnchanged()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 5, TimeInForce.PostOnly));
        h.Trade(T0 + 1 * Ms, 999, 13, Side.Sell); // 3 filled
        h.RunThrough(T0 + 1 * Ms);
        h.Venue.Amend(Symbol, order.ClientOrderId, 0, 3);
        h.RunThrough(h.Now);
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.PartiallyFilled, RejectReason.InvalidPriceOrQty)));
        h.Trade(T0 + 2 * Ms, 999, 2, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);
        Assert.That(h.FillsOf(order.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(5));
    }

    [Test]
    public void Amend_UnknownOrder_OrderNotFound()
    {
        var h = Start();
        h.Venue.Amend(Symbol, "sf1-0-77-E0", 990, 1);
        h.RunThrough(h.Now);
        Assert.That(h.LastUpdate("sf1-0-77-E0").Reject, Is.EqualTo(RejectReason.OrderNotFound));
    }
}
