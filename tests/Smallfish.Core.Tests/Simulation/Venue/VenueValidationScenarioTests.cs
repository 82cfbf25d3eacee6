using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Simulation.Venue;
using static Smallfish.Core.Tests.Simulation.Venue.VenueHarness;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>Orders the exchange would refuse: duplicates, reduce-only violations, exchange minimums, margin.</summary>
public class VenueValidationScenarioTests
{
    /// <summary>Tick 0.01, step 0.01, min qty 0.05, min notional 20: at 1000.00 one lot is 10 USDT.</summary>
    private static readonly InstrumentSpec Eth = new("ETHUSDT", 0.01m, 0.01m, 0.05m, 20m);

    private static VenueHarness Start(SimulatedVenueOptions? options = null)
    {
        var h = new VenueHarness(options, Eth);
        h.Snapshot(T0, [(999, 50)], [(1000, 50)]);
        h.Snapshot(T0, [(99_990, 50)], [(100_000, 50)], symbolId: 1);
        h.RunThrough(T0);
        return h;
    }

    [Test]
    public void Place_DuplicateClientOrderId_RejectedAndOriginalUntouched()
    {
        var h = Start();
        var first = h.PlaceNow(h.Limit(Side.Buy, 995, 1, TimeInForce.PostOnly));
        var again = h.PlaceNow(first with { PriceTicks = 996 });
        var last = h.LastUpdate(first.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Rejected, RejectReason.DuplicateClientOrderId)));
        Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.EqualTo(1));
        Assert.That(again.ClientOrderId, Is.EqualTo(first.ClientOrderId));
    }

    [Test]
    public void Place_DuplicateOfFinishedOrder_StillRejected()
    {
        var h = Start();
        var first = h.PlaceNow(h.Market(Side.Buy, 1));
        h.PlaceNow(h.Market(Side.Buy, 1, id: first.ClientOrderId));
        Assert.That(h.LastUpdate(first.ClientOrderId).Reject, Is.EqualTo(RejectReason.DuplicateClientOrderId));
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(1), "never doubled");
    }

    [Test]
    public void Place_ReduceOnlyWhileFlat_RejectedReduceOnlyViolated()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Sell, 1005, 1, TimeInForce.PostOnly, reduceOnly: true));
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Rejected, RejectReason.ReduceOnlyViolated)));
    }

    [Test]
    public void Place_ReduceOnlySameSideAsPosition_RejectedReduceOnlyViolated()
    {
        var h = Start();
        h.PlaceNow(h.Market(Side.Buy, 5));
        var order = h.PlaceNow(h.Market(Side.Buy, 1, reduceOnly: true));
        Assert.That(h.LastUpdate(order.ClientOrderId).Reject, Is.EqualTo(RejectReason.ReduceOnlyViolated));
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(5));
    }

    [Test]
    public void Place_ReduceOnlyLargerThanPosition_FillsOnlyThePosition()
    {
        var h = Start();
        h.PlaceNow(h.Market(Side.Buy, 5));
        var order = h.PlaceNow(h.Market(Side.Sell, 8, reduceOnly: true));
        Assert.That(h.FillsOf(order.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(5));
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Expired, RejectReason.ReduceOnlyViolated)));
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero, "never flipped");
    }

    [Test]
    public void Resting_ReduceOnlyTakeProfit_CancelledWhenPositionCloses()
    {
        var h = Start();
        h.PlaceNow(h.Market(Side.Buy, 5));
        var tp = h.PlaceNow(h.Limit(Side.Sell, 1010, 5, TimeInForce.PostOnly, reduceOnly: true));
        h.PlaceNow(h.Market(Side.Sell, 5, reduceOnly: true));
        var last = h.LastUpdate(tp.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Cancelled, RejectReason.ReduceOnlyViolated)));
        Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
    }

    [Test]
    public void Place_BelowMinNotional_RejectedInvalidPriceOrQty()
    {
        var h = Start();
        // 5 lots = 0.05 ETH meets min qty; at 300.00 the notional is 15 USDT, below 20.
        var order = h.PlaceNow(h.Limit(Side.Buy, 30_000, 5, TimeInForce.PostOnly, symbol: "ETHUSDT"));
        var last = h.LastUpdate(order.ClientOrderId);
        Assert.That((last.Status, last.Reject), Is.EqualTo((OrderStatus.Rejected, RejectReason.InvalidPriceOrQty)));
        var ok = h.PlaceNow(h.Limit(Side.Buy, 40_000, 5, TimeInForce.PostOnly, symbol: "ETHUSDT")); // 20 USDT
        Assert.That(h.LastUpdate(ok.ClientOrderId).Status, Is.EqualTo(OrderStatus.New));
    }

    [Test]
    public void Place_BelowMinQty_RejectedInvalidPriceOrQty()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 99_000, 4, TimeInForce.PostOnly, symbol: "ETHUSDT")); // 0.04 < 0.05
        Assert.That(h.LastUpdate(order.ClientOrderId).Reject, Is.EqualTo(RejectReason.InvalidPriceOrQty));
    }

    [Test]
    public void Place_ZeroQuantityOrPrice_RejectedInvalidPriceOrQty()
    {
        var h = Start();
        var noQty = h.PlaceNow(h.Limit(Side.Buy, 995, 0, TimeInForce.PostOnly));
        var noPx = h.PlaceNow(h.Limit(Side.Buy, 0, 1, TimeInForce.PostOnly));
        Assert.That(h.LastUpdate(noQty.ClientOrderId).Reject, Is.EqualTo(RejectReason.InvalidPriceOrQty));
        Assert.That(h.LastUpdate(noPx.ClientOrderId).Reject, Is.EqualTo(RejectReason.InvalidPriceOrQty));
    }

    [Test]
    public void Place_ReduceOnlyBelowMinNotional_Accepted()
    {
        var h = Start();
        h.PlaceNow(h.Market(Side.Buy, 5)); // 5 x 100.0 = 500 USDT long on TESTUSDT (min notional 5)
        h.Snapshot(T0 + 1 * Ms, [(49, 10)], [(50, 10)]); // price collapses to 5.0: 1 lot = 5 USDT
        h.RunThrough(T0 + 1 * Ms);
        var close = h.PlaceNow(h.Limit(Side.Sell, 40, 1, TimeInForce.GoodTillCancel, reduceOnly: true)); // 4 USDT, reduce-only
        Assert.That(h.FillsOf(close.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(1));
        var open = h.PlaceNow(h.Limit(Side.Buy, 40, 1, TimeInForce.PostOnly)); // 4 USDT, opening
        Assert.That(h.LastUpdate(open.ClientOrderId).Reject, Is.EqualTo(RejectReason.InvalidPriceOrQty));
    }

    [Test]
    public void Place_UnknownSymbol_Rejected()
    {
        var h = Start();
        var order = h.PlaceNow(h.Limit(Side.Buy, 995, 1, TimeInForce.PostOnly, symbol: "NOPEUSDT"));
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.Rejected));
    }

    [Test]
    public void Place_ExposureAboveEquityTimesLeverage_RejectedInsufficientMargin()
    {
        var h = Start(new SimulatedVenueOptions { InitialBalance = 100m, Leverage = 5m });
        var big = h.PlaceNow(h.Limit(Side.Buy, 995, 6, TimeInForce.PostOnly)); // 597 > 500
        Assert.That(h.LastUpdate(big.ClientOrderId).Reject, Is.EqualTo(RejectReason.InsufficientMargin));
        var small = h.PlaceNow(h.Limit(Side.Buy, 995, 5, TimeInForce.PostOnly)); // 497.5
        Assert.That(h.LastUpdate(small.ClientOrderId).Status, Is.EqualTo(OrderStatus.New));
        var more = h.PlaceNow(h.Limit(Side.Buy, 990, 1, TimeInForce.PostOnly)); // open orders count too
        Assert.That(h.LastUpdate(more.ClientOrderId).Reject, Is.EqualTo(RejectReason.InsufficientMargin));
    }
}
