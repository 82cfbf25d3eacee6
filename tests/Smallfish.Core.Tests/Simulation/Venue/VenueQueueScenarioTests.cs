using Smallfish.Core.Domain;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Queue;
using static Smallfish.Core.Tests.Simulation.Venue.VenueHarness;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>Post-only orders join the back of the queue and fill only when the queue ahead has traded away.</summary>
public class VenueQueueScenarioTests
{
    private static VenueHarness Start(SimulatedVenueOptions? options = null)
    {
        var h = new VenueHarness(options);
        h.Snapshot(T0, [(999, 10), (998, 5)], [(1000, 8), (1001, 12)]);
        h.RunThrough(T0 + 1 * Ms);
        return h;
    }

    [Test]
    public void PostOnly_BehindTenLots_FillsOnlyAfterTenLotsTradeAtItsPrice()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 3, TimeInForce.PostOnly));
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.New));
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out long ahead) && ahead == 10, Is.True);

        h.Trade(T0 + 2 * Ms, 999, 4, Side.Sell);
        h.Delta(T0 + 3 * Ms, [(999, 6)], []);   // the book reflects the 4 traded: no double count
        h.Trade(T0 + 4 * Ms, 999, 6, Side.Sell); // lots 5..10 traded: the queue ahead is gone, nothing for us yet
        h.Delta(T0 + 5 * Ms, [(999, 0)], []);
        h.RunThrough(T0 + 5 * Ms);
        Assert.That(h.FillsOf(order.ClientOrderId), Is.Empty);
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out ahead) && ahead == 0, Is.True);

        h.Trade(T0 + 6 * Ms, 999, 2, Side.Sell); // the 11th and 12th lot: ours
        h.RunThrough(T0 + 6 * Ms);
        var fills = h.FillsOf(order.ClientOrderId);
        Assert.That(fills, Has.Count.EqualTo(1));
        Assert.That((fills[0].PriceTicks, fills[0].QtyLots, fills[0].IsMaker), Is.EqualTo((999L, 2L, true)));
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.PartiallyFilled));

        h.Trade(T0 + 7 * Ms, 999, 5, Side.Sell);
        h.RunThrough(T0 + 7 * Ms);
        fills = h.FillsOf(order.ClientOrderId);
        Assert.That(fills.Sum(f => f.QtyLots), Is.EqualTo(3));
        Assert.That(fills[^1].QtyLots, Is.EqualTo(1));
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That((last.Status, last.FilledLots, last.AvgPriceTicks), Is.EqualTo((OrderStatus.Filled, 3L, 999m)));
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(3));
    }

    [Test]
    public void PostOnly_BookShowsTheTradeBeforeThePrint_StillNeedsTenLots()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 1, TimeInForce.PostOnly));

        h.Delta(T0 + 2 * Ms, [(999, 7)], []);    // the level drops 3 before the trade print arrives
        h.Trade(T0 + 2 * Ms, 999, 3, Side.Sell); // the same 3 lots: must not advance us twice
        h.Trade(T0 + 3 * Ms, 999, 6, Side.Sell); // 9 traded in all
        h.RunThrough(T0 + 3 * Ms);
        Assert.That(h.FillsOf(order.ClientOrderId), Is.Empty);

        h.Trade(T0 + 4 * Ms, 999, 2, Side.Sell); // lot 10 to the queue, lot 11 to us
        h.RunThrough(T0 + 4 * Ms);
        Assert.That(h.FillsOf(order.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(1));
    }

    [Test]
    public void PostOnly_CancelledBeforeQueueIsConsumed_NeverFills()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 3, TimeInForce.PostOnly));
        h.Trade(T0 + 2 * Ms, 999, 6, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);
        h.Venue.Cancel(Symbol, order.ClientOrderId);
        h.RunThrough(T0 + 2 * Ms);
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.Cancelled));

        h.Trade(T0 + 3 * Ms, 999, 20, Side.Sell);
        h.Trade(T0 + 4 * Ms, 990, 5, Side.Sell);
        h.RunThrough(T0 + 4 * Ms);
        Assert.That(h.FillsOf(order.ClientOrderId), Is.Empty);
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);
    }

    [Test]
    public void PostOnly_TradeThroughItsPrice_FillsCompletelyAtItsOwnPrice()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 3, TimeInForce.PostOnly));
        h.Trade(T0 + 2 * Ms, 998, 1, Side.Sell); // a sell at 99.8 means every bid at 99.9 is gone
        h.RunThrough(T0 + 2 * Ms);
        var fills = h.FillsOf(order.ClientOrderId);
        Assert.That(fills, Has.Count.EqualTo(1));
        Assert.That((fills[0].PriceTicks, fills[0].QtyLots, fills[0].IsMaker), Is.EqualTo((999L, 3L, true)));
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.Filled));
    }

    [Test]
    public void PostOnly_BuyerAggressorAtItsPrice_DoesNotFillABid()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 3, TimeInForce.PostOnly));
        h.Trade(T0 + 2 * Ms, 999, 50, Side.Buy);
        h.RunThrough(T0 + 2 * Ms);
        Assert.That(h.FillsOf(order.ClientOrderId), Is.Empty);
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out long ahead) && ahead == 10, Is.True);
    }

    [Test]
    public void PostOnly_AskMovesThroughItsPrice_FillsOnTheBook()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Sell, 1001, 2, TimeInForce.PostOnly));
        h.Delta(T0 + 2 * Ms, [(1002, 4)], [(1000, 0), (1001, 0), (1003, 5)]); // the bid moved above our ask: sellers at 100.1 were hit
        h.RunThrough(T0 + 2 * Ms);
        var fills = h.FillsOf(order.ClientOrderId);
        Assert.That(fills.Sum(f => f.QtyLots), Is.EqualTo(2));
        Assert.That(fills.TrueForAll(f => f.PriceTicks == 1001 && f.IsMaker), Is.True);
    }

    [Test]
    public void PostOnly_ImprovingThePrice_HasNoQueueAhead()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Sell, 1000, 2, TimeInForce.PostOnly));
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out long ahead) && ahead == 8, Is.True);
        h.Snapshot(T0 + 2 * Ms, [(998, 5)], [(1000, 8)]);
        var inside = h.PlaceNow(h.Limit(Side.Buy, 999, 1, TimeInForce.PostOnly));
        Assert.That(h.Venue.TryGetQueueAhead(inside.ClientOrderId, out ahead) && ahead == 0, Is.True);
        h.Trade(T0 + 3 * Ms, 999, 1, Side.Sell);
        h.RunThrough(T0 + 3 * Ms);
        Assert.That(h.FillsOf(inside.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(1));
    }

    [Test]
    public void TwoOwnOrders_SamePrice_ShareTradesInJoinOrder()
    {
        var h = Start();
        var first = h.PlaceNow(h.Limit(Side.Buy, 999, 5, TimeInForce.PostOnly));
        var second = h.PlaceNow(h.Limit(Side.Buy, 999, 5, TimeInForce.PostOnly));
        h.Trade(T0 + 2 * Ms, 999, 12, Side.Sell); // 10 to the queue, 2 to the first order
        h.RunThrough(T0 + 2 * Ms);
        Assert.That(h.FillsOf(first.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(2));
        Assert.That(h.FillsOf(second.ClientOrderId), Is.Empty);
        h.Trade(T0 + 3 * Ms, 999, 5, Side.Sell); // 3 finish the first, 2 reach the second
        h.RunThrough(T0 + 3 * Ms);
        Assert.That(h.FillsOf(first.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(5));
        Assert.That(h.FillsOf(second.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(2));
    }

    [Test]
    public void Cancels_RiskAverseModel_DoNotAdvanceTheOrder()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 1, TimeInForce.PostOnly));
        h.Delta(T0 + 2 * Ms, [(999, 20)], []); // 10 join behind us
        h.Delta(T0 + 3 * Ms, [(999, 14)], []); // 6 cancelled somewhere
        h.RunThrough(T0 + 3 * Ms);
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out long ahead) && ahead == 10, Is.True);
    }

    [Test]
    public void Cancels_ProportionalModel_AdvanceTheOrderByTheShareAhead()
    {
        var h = Start(new SimulatedVenueOptions { QueueModel = ProbabilisticQueueModel.Proportional });
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 1, TimeInForce.PostOnly));
        h.Delta(T0 + 2 * Ms, [(999, 20)], []);
        h.Delta(T0 + 3 * Ms, [(999, 14)], []); // half the level is ahead: 3 of the 6 cancels
        h.RunThrough(T0 + 3 * Ms);
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out long ahead) && ahead == 7, Is.True);
    }

    [Test]
    public void Cancels_LevelShrinksBelowQueueAhead_QueueCappedAtVisibleSize()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 1, TimeInForce.PostOnly));
        h.Delta(T0 + 2 * Ms, [(999, 4)], []);
        h.Delta(T0 + 3 * Ms, [(999, 9)], []); // 5 more join behind us; we stay at 4
        h.RunThrough(T0 + 3 * Ms);
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out long ahead) && ahead == 4, Is.True);
        h.Trade(T0 + 4 * Ms, 999, 5, Side.Sell);
        h.RunThrough(T0 + 4 * Ms);
        Assert.That(h.FillsOf(order.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(1));
    }
}
