using Smallfish.Core.Domain;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Engine;

/// <summary>Crash anywhere in a random session, let the market move while nobody listens, restart, reconcile.</summary>
public class RecoveryProperties
{
#pragma warning disable NUnit1027 // FsCheck supplies the arguments
    [FsCheck.NUnit.Property(MaxTest = 25)]
    public void Reconcile_RandomCrashPoint_EveryPositionHasAFullStopAndNoIdIsReused(int seed, int crashSeed)
    {
        const int steps = 500;
        // a fixed combination (HashCode.Combine is randomized per process), so FsCheck's counterexample replays
        var rng = new Random(unchecked(seed * 31 + crashSeed));
        int crashStep = rng.Next(steps); // anywhere in the session (FsCheck's own integers stay small)
        using var h = RandomScenario.Run(seed, steps, stopAfter: crashStep);
        var saved = h.Engine.State.Snapshot();
        int placedBefore = h.Orders.Placed.Count;
        h.Crash();

        // Down time: the market keeps trading (stops may fire, entries may fill); then the process comes back.
        var book = h.Venue.GetBook(Symbol);
        long bid = book.HasTwoSides ? book.BestBid : 1000;
        long t = h.Now;
        for (int i = rng.Next(15); i > 0; i--)
        {
            t += (1 + rng.Next(20)) * Ms;
            bid += rng.Next(9) - 4;
            h.Quote(t, bid, bid + 1, bidLots: 20 + rng.Next(200), askLots: 20 + rng.Next(200));
            bool sell = rng.Next(2) == 0;
            h.Trade(t, sell ? bid : bid + 1, 1 + rng.Next(300), sell ? Side.Sell : Side.Buy);
        }
        h.RunThrough(t + 50 * Ms);

        var (engine, input, report) = RestartInput.Restart(h, saved, FirstRun);

        // Within the call: every position taken over is protected for its full size, or on its way out at market.
        var b = engine.Brackets(0);
        long venueLots = h.Venue.GetPosition(Symbol).NetLots;
        Assert.That(b.Position?.QtyLots * b.Position?.Side.Sign() ?? 0, Is.EqualTo(venueLots), "the exchange's position is the engine's");
        if (b.Position is { } p)
        {
            bool full = b.StopOrder is { IsTerminal: false } s && s.OpenLots >= p.QtyLots && s.TriggerTicks == p.StopTicks;
            Assert.That(full || b.PendingExit is not null, Is.True, $"unprotected after reconcile: {report}");
        }

        h.Signals.Quiet();
        h.RunThrough(h.Now + 3 * Second);

        long lots = h.Venue.GetPosition(Symbol).NetLots;
        var open = h.Venue.GetOpenOrders(Symbol);
        var newIds = h.Orders.Placed.Skip(placedBefore).Select(r => r.ClientOrderId).ToList();
        Assert.Multiple(() =>
        {
            if (lots != 0)
            {
                var exit = lots > 0 ? Side.Sell : Side.Buy;
                Assert.That(open.Any(o => o.Type == OrderType.StopMarket && o.ReduceOnly && o.Side == exit && (o.ClosePosition || o.OpenLots >= Math.Abs(lots))
                    && ClientOrderId.IsSmallfish(o.ClientOrderId)), Is.True, $"venue position {lots} without a full stop: {report}");
            }
            Assert.That(h.Orders.DuplicateIds, Is.Empty, "a client order id was placed twice");
            Assert.That(h.Journal.OrderUpdates.Where(u => u.Reject == RejectReason.DuplicateClientOrderId), Is.Empty);
            Assert.That(newIds, Has.All.StartWith("sf8-"), "the new engine's ids carry the new run");
            Assert.That(open.Where(o => ClientOrderId.TryParse(o.ClientOrderId, out var x) && x.Role == OrderRole.Entry && x.Run != 8), Is.Empty,
                "no entry of the old run is left working");
            Assert.That(h.Checker.Violations, Is.Empty);
            Assert.That(engine.UnknownReports, Is.Zero);
            Assert.That(engine.IsReconciling, Is.False, report.ToString());
            Assert.That(engine.Orders.LiveCount, Is.EqualTo(open.Count), "every venue order is tracked");
            Assert.That(input.NextRun(), Is.EqualTo(engine.Run));
        });
    }
#pragma warning restore NUnit1027
}
