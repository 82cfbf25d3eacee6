using Smallfish.Core.Domain;
using Smallfish.Core.Tests.Engine;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Brackets;

/// <summary>
/// The protection invariant seen from the venue (issue 10): a position built from many partial fills of its entry has,
/// within a second of every fill, a protective stop at the venue covering its whole size, even when a stop amend is
/// lost on the way or the venue refuses the stop and the first exit.
/// </summary>
public sealed class StopCoverageTests
{
    /// <summary>The invariant's limit, and the tighter bound these deterministic cases must meet.</summary>
    private const long LimitMs = 1000;
    private const long BoundMs = 400;

    [Test]
    public void OnEntryFill_NineOneLotFillsWithAmendsLost_NoStopAmendAndVenueStopCoversEveryFill()
    {
        using var h = new EngineHarness();
        long t = T0;
        h.StartLongAt999(t);
        h.Signals.Hold(+1, 0.7);
        h.Venue.Faults.MaxFillLots = 1; // the venue fills one lot per print
        h.Orders.LoseAmend = id => id.Contains("-S", StringComparison.Ordinal); // a stop amend would never arrive
        var cover = new VenueCoverage(h);

        h.SellersHitBid(t + 20 * Ms, 101); // the 100 lots ahead, then our first lot
        cover.Run(t + 40 * Ms);
        for (int i = 1; i < 9; i++)
        {
            h.SellersHitBid(t + (40 + i * 30) * Ms, 1);
            cover.Run(t + (40 + i * 30 + 30) * Ms);
        }
        cover.Run(t + 2000 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(9), "nine 1-lot fills");
            Assert.That(h.Orders.Amends.Where(a => a.Id.Contains("-S", StringComparison.Ordinal)), Is.Empty, "the stop is never resized");
            Assert.That(h.Orders.PlacedWith(OrderRole.StopLoss).Single().ClosePosition, Is.True);
            Assert.That(cover.LongestUncoveredMs, Is.LessThanOrEqualTo(BoundMs), cover.Worst);
            Assert.That(cover.CoveredAtEnd, Is.True, cover.Worst);
        });
    }

    [Test]
    public void OnEntryFill_StreamOfOneLotFillsFasterThanAnAmend_VenueStopNeverTrailsAfterTheFirst()
    {
        using var h = new EngineHarness();
        long t = T0;
        h.StartLongAt999(t);
        h.Signals.Hold(+1, 0.7);
        h.Venue.Faults.MaxFillLots = 1;
        var cover = new VenueCoverage(h);

        h.SellersHitBid(t + 20 * Ms, 101);
        for (int i = 1; i < 60; i++) h.SellersHitBid(t + (20 + i) * Ms, 1); // a lot a millisecond: an amend round trip takes longer
        cover.Run(t + 200 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(60));
            // Only the first fill waits for its stop (one order-entry delay); every later fill is covered when it happens.
            Assert.That(cover.LongestUncoveredMs, Is.LessThanOrEqualTo(3), cover.Worst);
            Assert.That(cover.UncoveredSamples, Is.LessThanOrEqualTo(3), cover.Worst);
            Assert.That(h.Orders.Amends.Where(a => a.Id.Contains("-S", StringComparison.Ordinal)), Is.Empty, "no stop size amends");
            Assert.That(h.Engine.Brackets(0).StopOrder!.OpenLots, Is.EqualTo(60), "the engine books the stop as covering the position");
        });
    }

    [Test]
    public void OnEntryFill_StopAndFirstExitsRefused_PositionClosedWellWithinLimit()
    {
        using var h = new EngineHarness();
        long t = T0;
        h.StartLongAt999(t);
        h.Signals.Hold(+1, 0.7);
        var cover = new VenueCoverage(h);

        // Every placement the venue sees next is refused as transient: the stop, its replacement, the take-profit and
        // the first market exits.
        h.Venue.Faults.RejectNext(5, RejectReason.Transient);
        h.SellersHitBid(t + 20 * Ms, 103); // three lots
        cover.Run(t + 3000 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.Venue.Faults.PendingRejects, Is.Zero, "every injected refusal was used");
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero, "the position that could not get a stop was closed");
            Assert.That(cover.LongestUncoveredMs, Is.LessThanOrEqualTo(BoundMs), cover.Worst);
        });
    }

    /// <summary>Steps the simulation a millisecond at a time and measures how long the venue's position goes without full stop cover.</summary>
    private sealed class VenueCoverage(EngineHarness h)
    {
        private long _since = -1;

        public long LongestUncoveredMs { get; private set; }

        public string Worst { get; private set; } = "never uncovered";

        public bool CoveredAtEnd => _since < 0;

        public int UncoveredSamples { get; private set; }

        public void Run(long until)
        {
            while (h.Now < until)
            {
                h.RunThrough(Math.Min(until, h.Now + Ms));
                Sample();
            }
        }

        private void Sample()
        {
            long net = h.Venue.GetPosition(Symbol).NetLots;
            long covered = 0;
            foreach (var o in h.Venue.GetOpenOrders(Symbol))
            {
                if (o.Type != OrderType.StopMarket || !o.ReduceOnly || o.Side.Sign() != -Math.Sign(net)) continue;
                covered += o.ClosePosition ? Math.Abs(net) : o.OpenLots; // a close-position stop closes whatever is there
            }
            if (net == 0 || covered >= Math.Abs(net))
            {
                _since = -1;
                return;
            }
            UncoveredSamples++;
            if (_since < 0) _since = h.Now;
            long ms = (h.Now - _since) / Ms;
            if (ms > LongestUncoveredMs)
            {
                LongestUncoveredMs = ms;
                Worst = $"position {net} lots covered by {covered} for {ms} ms at {(h.Now - T0) / Ms} ms";
            }
        }
    }
}
