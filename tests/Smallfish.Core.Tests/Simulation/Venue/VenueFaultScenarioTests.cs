using Smallfish.Core.Domain;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Latency;
using static Smallfish.Core.Tests.Simulation.Venue.VenueHarness;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>Injected faults: counted rejects, partial fills, delayed reports, seeded random rejects.</summary>
public class VenueFaultScenarioTests
{
    private static VenueHarness Start(SimulatedVenueOptions? options = null)
    {
        var h = new VenueHarness(options);
        h.Snapshot(T0, [(999, 50)], [(1000, 50)]);
        h.RunThrough(T0);
        return h;
    }

    [Test]
    public void RejectNext_TwoOrders_RejectsExactlyThoseThenAccepts()
    {
        var h = Start();
        h.Venue.Faults.RejectNext(2, RejectReason.RateLimited);
        var a = h.PlaceNow(h.Limit(Side.Buy, 995, 1, TimeInForce.PostOnly));
        var b = h.PlaceNow(h.Limit(Side.Buy, 995, 1, TimeInForce.PostOnly));
        var c = h.PlaceNow(h.Limit(Side.Buy, 995, 1, TimeInForce.PostOnly));
        Assert.That(h.LastUpdate(a.ClientOrderId).Reject, Is.EqualTo(RejectReason.RateLimited));
        Assert.That(h.LastUpdate(b.ClientOrderId).Reject, Is.EqualTo(RejectReason.RateLimited));
        Assert.That(h.LastUpdate(c.ClientOrderId).Status, Is.EqualTo(OrderStatus.New));
        var retry = h.PlaceNow(a); // a rejected id was never accepted, so the retry goes through
        Assert.That(h.LastUpdate(retry.ClientOrderId).Status, Is.EqualTo(OrderStatus.New));
    }

    [Test]
    public void MaxFillLots_Taker_FillsPartiallyAndExpiresTheRest()
    {
        var h = Start();
        h.Venue.Faults.MaxFillLots = 3;
        var order = h.PlaceNow(h.Limit(Side.Buy, 1000, 10, TimeInForce.ImmediateOrCancel));
        Assert.That(h.FillsOf(order.ClientOrderId).Sum(f => f.QtyLots), Is.EqualTo(3));
        Assert.That(h.LastUpdate(order.ClientOrderId).Status, Is.EqualTo(OrderStatus.Expired));
    }

    [Test]
    public void MaxFillLots_Resting_FillsInPieces()
    {
        var h = Start();
        h.Venue.Faults.MaxFillLots = 2;
        var order = h.PlaceNow(h.Limit(Side.Buy, 998, 5, TimeInForce.PostOnly));
        h.Trade(T0 + 1 * Ms, 997, 1, Side.Sell);
        h.Trade(T0 + 2 * Ms, 997, 1, Side.Sell);
        h.Trade(T0 + 3 * Ms, 997, 1, Side.Sell);
        h.RunThrough(T0 + 3 * Ms);
        Assert.That(h.FillsOf(order.ClientOrderId).Select(f => f.QtyLots), Is.EqualTo(new[] { 2L, 2L, 1L }));
    }

    [Test]
    public void ExtraReportDelay_DelaysEveryReport()
    {
        var h = Start(new SimulatedVenueOptions { Latency = new ConstantLatencyModel(0, 0, 1 * Ms) });
        h.Venue.Faults.ExtraReportDelayNs = 50 * Ms;
        long sent = h.Now;
        h.Venue.Place(h.Limit(Side.Buy, 995, 1, TimeInForce.PostOnly));
        h.RunThrough(sent + 50 * Ms);
        Assert.That(h.Updates, Is.Empty);
        h.RunThrough(sent + 51 * Ms);
        Assert.That(h.Updates, Has.Count.EqualTo(1));
    }

    [Test]
    public void RandomRejects_SameSeed_SameOrdersRejected()
    {
        static List<RejectReason> Run(ulong seed)
        {
            var h = Start(new SimulatedVenueOptions { FaultSeed = seed });
            h.Venue.Faults.RandomRejectProbability = 0.5;
            var ids = new List<string>();
            for (int i = 0; i < 40; i++) ids.Add(h.PlaceNow(h.Limit(Side.Buy, 990, 1, TimeInForce.PostOnly)).ClientOrderId);
            return ids.ConvertAll(id => h.LastUpdate(id).Reject);
        }

        var first = Run(42);
        Assert.That(Run(42), Is.EqualTo(first));
        int rejected = first.Count(r => r == RejectReason.Transient);
        Assert.That(rejected, Is.InRange(8, 32), "about half");
    }
}
