using Smallfish.Core.Domain;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Latency;
using static Smallfish.Core.Tests.Simulation.Venue.VenueHarness;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>Market data reaches the strategy late, orders reach the venue late, reports come back late.</summary>
public class VenueLatencyScenarioTests
{
    private static readonly SimulatedVenueOptions Slow = new() { Latency = new ConstantLatencyModel(5 * Ms, 10 * Ms, 3 * Ms) };

    [Test]
    public void Feed_BookDeliveredAfterFeedLatency_WithSimulatedReceiveTime()
    {
        var h = new VenueHarness(Slow);
        h.Snapshot(T0, [(999, 10)], [(1000, 8)]);
        h.Delta(T0 + 1 * Ms, [(999, 9)], []);
        h.Exchange.Finish();
        Assert.That(h.BooksSeen, Is.EqualTo(new[] { (T0 + 5 * Ms, T0 + 5 * Ms, T0), (T0 + 6 * Ms, T0 + 6 * Ms, T0 + 1 * Ms) }));
    }

    [Test]
    public void Order_SentOnDelayedBook_ArrivesAfterEntryLatencyAndSeesTheBookOfThatTime()
    {
        var h = new VenueHarness(Slow);
        OrderRequest? sent = null;
        long sentAt = 0;
        h.OnBookDelivered = update =>
        {
            if (sent is not null) return;
            sentAt = h.Now;
            sent = h.Limit(Side.Buy, 1002, 10, TimeInForce.ImmediateOrCancel);
            h.Venue.Place(sent);
        };

        h.Snapshot(T0, [(999, 10)], [(1000, 8), (1001, 12)]);
        h.Delta(T0 + 12 * Ms, [], [(1000, 0), (1002, 20)]); // the offer at 100.0 is gone before our order lands
        h.Exchange.Finish();

        Assert.That(sentAt, Is.EqualTo(T0 + 5 * Ms), "decided when the delayed snapshot arrived");
        var fills = h.FillsOf(sent!.ClientOrderId);
        Assert.That(fills.Select(f => (f.PriceTicks, f.QtyLots)), Is.EqualTo(new[] { (1001L, 10L) }));
        Assert.That(fills[0].TsNs, Is.EqualTo(T0 + 15 * Ms), "matched at decision + entry latency");
        int fillLine = h.Log.FindIndex(l => l.Contains(" fill ", StringComparison.Ordinal));
        Assert.That(h.Log[fillLine], Does.StartWith((T0 + 18 * Ms).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "reported at match + response latency");
    }

    [Test]
    public void Order_WithoutLatency_WouldHaveTakenTheOldOffer()
    {
        var h = new VenueHarness();
        OrderRequest? sent = null;
        h.OnBookDelivered = update =>
        {
            if (sent is not null) return;
            sent = h.Limit(Side.Buy, 1002, 10, TimeInForce.ImmediateOrCancel);
            h.Venue.Place(sent);
        };
        h.Snapshot(T0, [(999, 10)], [(1000, 8), (1001, 12)]);
        h.Delta(T0 + 12 * Ms, [], [(1000, 0), (1002, 20)]);
        h.Exchange.Finish();
        Assert.That(h.FillsOf(sent!.ClientOrderId).Select(f => (f.PriceTicks, f.QtyLots)), Is.EqualTo(new[] { (1000L, 8L), (1001L, 2L) }));
    }

    [Test]
    public void Cancel_InFlight_LosesTheRaceAgainstAFill()
    {
        var h = new VenueHarness(Slow);
        h.Snapshot(T0, [(999, 10)], [(1000, 8)]);
        h.RunThrough(T0 + 5 * Ms);
        var order = h.Limit(Side.Buy, 999, 1, TimeInForce.PostOnly);
        h.Venue.Place(order);                      // lands at +15 ms
        h.RunThrough(T0 + 16 * Ms);
        h.Venue.Cancel(Symbol, order.ClientOrderId); // decided at +16 ms, lands at +26 ms
        h.Trade(T0 + 20 * Ms, 999, 11, Side.Sell); // fills us at +20 ms, before the cancel lands
        h.Exchange.Finish();
        var updates = h.Updates.FindAll(u => u.ClientOrderId == order.ClientOrderId);
        Assert.That(updates.Select(u => u.Status), Is.EqualTo(new[] { OrderStatus.New, OrderStatus.Filled, OrderStatus.Filled }));
        Assert.That(updates[^1].Reject, Is.EqualTo(RejectReason.OrderNotFound));
        Assert.That(h.Venue.CommandsInFlight + h.Venue.ReportsInFlight, Is.Zero);
    }

    [Test]
    public void Jitter_SameSeed_SameDelays_AndOrderKept()
    {
        var a = new JitterLatencyModel(new ConstantLatencyModel(1000, 2000, 3000), 500, 500, 500, seed: 7);
        var b = new JitterLatencyModel(new ConstantLatencyModel(1000, 2000, 3000), 500, 500, 500, seed: 7);
        for (int i = 0; i < 100; i++)
        {
            long fa = a.FeedLatencyNs(i, 0), ea = a.EntryLatencyNs(i), ra = a.ResponseLatencyNs(i);
            Assert.That((fa, ea, ra), Is.EqualTo((b.FeedLatencyNs(i, 0), b.EntryLatencyNs(i), b.ResponseLatencyNs(i))));
            Assert.That(fa, Is.InRange(1000, 1500));
            Assert.That(ea, Is.InRange(2000, 2500));
            Assert.That(ra, Is.InRange(3000, 3500));
        }
    }
}
