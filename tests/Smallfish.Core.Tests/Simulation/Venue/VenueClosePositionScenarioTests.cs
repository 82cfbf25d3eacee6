using Smallfish.Core.Domain;
using static Smallfish.Core.Tests.Simulation.Venue.VenueHarness;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>
/// A close-position stop (Binance <c>closePosition</c>, Bybit qty 0 + close-on-trigger): the venue sizes it to the
/// position when it triggers, whatever it was sent with, and does nothing while the symbol is flat.
/// </summary>
public class VenueClosePositionScenarioTests
{
    private static VenueHarness Start()
    {
        var h = new VenueHarness();
        h.Snapshot(T0, [(999, 10), (998, 10), (990, 50), (985, 50)], [(1000, 40), (1001, 30)]);
        h.RunThrough(T0);
        return h;
    }

    private static OrderRequest CloseStop(VenueHarness h, long trigger, long sentLots) =>
        h.Stop(Side.Sell, trigger, sentLots) with { ClosePosition = true };

    [Test]
    public void ClosePositionStop_PositionGrewAfterPlacement_ClosesExactlyThePositionAtTheTrigger()
    {
        var h = Start();
        h.PlaceNow(h.Market(Side.Buy, 3));
        var stop = h.PlaceNow(CloseStop(h, 995, 3)); // sent while the position was 3 lots
        h.PlaceNow(h.Market(Side.Buy, 9));           // then 9 more fill
        h.PlaceNow(h.Market(Side.Buy, 5));
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(17));

        h.Trade(T0 + 2 * Ms, 994, 1, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.FillsOf(stop.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(17), "the whole position, not the 3 lots it was sent with");
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero, "flat, not flipped");
            Assert.That(h.LastUpdate(stop.ClientOrderId).Status, Is.EqualTo(OrderStatus.Filled));
        });
    }

    [Test]
    public void ClosePositionStop_PositionShrankAfterPlacement_ClosesOnlyWhatIsLeft()
    {
        var h = Start();
        h.PlaceNow(h.Market(Side.Buy, 10));
        var stop = h.PlaceNow(CloseStop(h, 995, 10));
        h.PlaceNow(h.Market(Side.Sell, 4, reduceOnly: true)); // a partial take-profit, say

        h.Trade(T0 + 2 * Ms, 994, 1, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.FillsOf(stop.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(6));
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);
            Assert.That(h.LastUpdate(stop.ClientOrderId).Status, Is.EqualTo(OrderStatus.Filled));
        });
    }

    [Test]
    public void ClosePositionStop_FlatWhenTheTriggerTrades_FillsNothingAndStaysArmed()
    {
        var h = Start();
        h.PlaceNow(h.Market(Side.Buy, 5));
        var stop = h.PlaceNow(CloseStop(h, 995, 5));
        h.PlaceNow(h.Market(Side.Sell, 5, reduceOnly: true));

        h.Trade(T0 + 2 * Ms, 994, 1, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.FillsOf(stop.ClientOrderId), Is.Empty);
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);
            Assert.That(h.Venue.GetOpenOrders(Symbol).Single().ClientOrderId, Is.EqualTo(stop.ClientOrderId));
            Assert.That(h.Venue.GetOpenOrders(Symbol).Single().ClosePosition, Is.True, "reported back as closing the position");
        });
    }

    [Test]
    public void ClosePositionStop_SizeAmend_KeepsClosingThePositionAndMovesTheTrigger()
    {
        var h = Start();
        h.PlaceNow(h.Market(Side.Buy, 8));
        var stop = h.PlaceNow(CloseStop(h, 990, 8));
        h.Venue.Amend(Symbol, stop.ClientOrderId, 995, 2); // a size in an amend means nothing for it
        h.RunThrough(h.Now);

        h.Trade(T0 + 2 * Ms, 994, 1, Side.Sell);
        h.RunThrough(T0 + 2 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.FillsOf(stop.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(8));
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);
        });
    }
}
