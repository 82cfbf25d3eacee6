using Smallfish.Core.Domain;
using Smallfish.Simulation.Venue;
using static Smallfish.Core.Tests.Simulation.Venue.VenueHarness;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>Market, IOC, FOK and crossing GTC orders walk the venue's book; post-only orders that would take are refused.</summary>
public class VenueTakerScenarioTests
{
    private static VenueHarness Start()
    {
        var h = new VenueHarness();
        h.Snapshot(T0, [(999, 10), (998, 5), (995, 40)], [(1000, 8), (1001, 12), (1003, 20)]);
        h.RunThrough(T0);
        return h;
    }

    [Test]
    public void Ioc_WalksLevelsUpToItsLimit_ExpiresTheRest()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 1002, 25, TimeInForce.ImmediateOrCancel));
        var fills = h.FillsOf(order.ClientOrderId);
        Assert.That(fills.Select(f => (f.PriceTicks, f.QtyLots, f.IsMaker)),
            Is.EqualTo(new[] { (1000L, 8L, false), (1001L, 12L, false) }));
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That(last.Status, Is.EqualTo(OrderStatus.Expired));
        Assert.That(last.FilledLots, Is.EqualTo(20));
        Assert.That(last.AvgPriceTicks, Is.EqualTo((1000m * 8 + 1001m * 12) / 20)); // 1000.6 ticks: 0.06 of slippage
        Assert.That(last.Reject, Is.EqualTo(RejectReason.None));
        Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
    }

    [Test]
    public void Ioc_NothingWithinLimit_ExpiresWithNoLiquidity()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 999, 5, TimeInForce.ImmediateOrCancel));
        Assert.That(h.FillsOf(order.ClientOrderId), Is.Empty);
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Expired, RejectReason.NoLiquidity)));
    }

    [Test]
    public void Market_WalksTheBook_SlippageInFillPrices()
    {
        var h = Start();
        var order = h.PlaceNow(h.Market(Side.Sell, 30));
        Assert.That(h.FillsOf(order.ClientOrderId).Select(f => (f.PriceTicks, f.QtyLots)),
            Is.EqualTo(new[] { (999L, 10L), (998L, 5L), (995L, 15L) }));
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.Filled));
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(-30));
    }

    [Test]
    public void Market_TakenLiquidity_IsGoneForTheNextOrder()
    {
        var h = Start();
        h.PlaceNow(h.Market(Side.Buy, 8));
        var second = h.PlaceNow(h.Market(Side.Buy, 2));
        Assert.That(h.FillsOf(second.ClientOrderId).Single().PriceTicks, Is.EqualTo(1001));
        h.Delta(T0 + 5 * Ms, [], [(1000, 6)]); // the feed restates the level
        h.RunThrough(T0 + 5 * Ms);
        var third = h.PlaceNow(h.Market(Side.Buy, 1));
        Assert.That(h.FillsOf(third.ClientOrderId).Single().PriceTicks, Is.EqualTo(1000));
    }

    [Test]
    public void FillOrKill_NotEnoughWithinLimit_ExpiresWithoutFills()
    {
        var h = Start();
        var killed = h.PlaceNow(h.Limit(Side.Buy, 1001, 25, TimeInForce.FillOrKill));
        Assert.That(h.FillsOf(killed.ClientOrderId), Is.Empty);
        Assert.That(h.LastUpdate(killed.ClientOrderId).Status, Is.EqualTo(OrderStatus.Expired));
        var filled = h.PlaceNow(h.Limit(Side.Buy, 1001, 20, TimeInForce.FillOrKill));
        Assert.That(h.FillsOf(filled.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(20));
        Assert.That(h.LastUpdate(filled.ClientOrderId).Status, Is.EqualTo(OrderStatus.Filled));
    }

    [Test]
    public void PostOnly_WouldCross_ExpiredWithPostOnlyWouldTake()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 1000, 1, TimeInForce.PostOnly));
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Expired, RejectReason.PostOnlyWouldTake)));
        Assert.That(h.Fills, Is.Empty);
        Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
    }

    [Test]
    public void Gtc_Crossing_TakesThenRestsTheRestAsMaker()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 1000, 10, TimeInForce.GoodTillCancel));
        var first = h.FillsOf(order.ClientOrderId).Single();
        Assert.That((first.PriceTicks, first.QtyLots, first.IsMaker), Is.EqualTo((1000L, 8L, false)));
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.PartiallyFilled));
        Assert.That(h.Venue.TryGetQueueAhead(order.ClientOrderId, out long ahead) && ahead == 0, Is.True);
        h.Trade(T0 + 2 * Ms, 1000, 2, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);
        var second = h.FillsOf(order.ClientOrderId)[^1];
        Assert.That((second.QtyLots, second.IsMaker), Is.EqualTo((2L, true)));
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.Filled));
    }

    [Test]
    public void Market_NoBookYet_ExpiresWithNoLiquidity()
    {
        var h = new VenueHarness();
        var order = h.PlaceNow(h.Market(Side.Buy, 1));
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That((last.Status, last.Reject, last.FilledLots), Is.EqualTo((OrderStatus.Expired, RejectReason.NoLiquidity, 0L)));
    }

    [Test]
    public void Market_BybitSequenceGap_NoFillsUntilNextSnapshot()
    {
        var h = new VenueHarness(new SimulatedVenueOptions { BookSync = BookSyncMode.Bybit });
        h.Snapshot(T0, [(999, 10)], [(1000, 8)], updateId: 100);
        h.Delta(T0 + 1 * Ms, [], [(1000, 9)], updateId: 101);
        h.Delta(T0 + 2 * Ms, [], [(1000, 7)], updateId: 103); // 102 is missing: the venue's book is unusable
        h.RunThrough(T0 + 2 * Ms);
        var during = h.PlaceNow(h.Market(Side.Buy, 1));
        var last = h.LastUpdate(during.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Expired, RejectReason.NoLiquidity)));

        h.Snapshot(T0 + 3 * Ms, [(999, 10)], [(1001, 5)], updateId: 200);
        h.RunThrough(T0 + 3 * Ms);
        var after = h.PlaceNow(h.Market(Side.Buy, 1));
        Assert.That(h.FillsOf(after.ClientOrderId).Single().PriceTicks, Is.EqualTo(1001));
    }
}
