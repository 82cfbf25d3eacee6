using Smallfish.Core.Domain;
using Smallfish.Core.Execution;
using Smallfish.Core.Risk;
using Smallfish.Core.Tests.Engine;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Execution;

/// <summary>The post-only entry, its reprices, the IOC fallback and the failure paths, on the simulated venue.</summary>
public class EntryRouterScenarioTests
{
    private static OrderRequest[] Entries(EngineHarness h) => h.Orders.PlacedWith(OrderRole.Entry).ToArray();

    [Test]
    public void Entry_WantsBuy_PostsOnlyAtTheBidWithADeterministicId()
    {
        using var h = new EngineHarness();
        h.StartLongAt999(T0);

        var e = Entries(h).Single();
        Assert.Multiple(() =>
        {
            Assert.That(e.ClientOrderId, Is.EqualTo(ClientOrderId.Create(7, 0, 1, OrderRole.Entry, 0)));
            Assert.That((e.Side, e.Type, e.TimeInForce, e.PriceTicks, e.QtyLots), Is.EqualTo((Side.Buy, OrderType.Limit, TimeInForce.PostOnly, 999L, 150L)));
            Assert.That(h.Engine.Router(0).State, Is.EqualTo(EntryRouterState.Working));
            Assert.That(h.Journal.Decisions.Single().Action, Is.EqualTo("enter"));
        });
    }

    [Test]
    public void Entry_SpreadLeavesRoom_PostsInsideTheTouchByTheOffset()
    {
        using var h = new EngineHarness(o =>
        {
            o.Routing.EntryOffsetTicks = 1;
            o.Gates.MaxSpreadTicks = 5;
        });
        h.Quote(T0, 999, 1002);
        h.Signals.Want(+1);
        h.Trade(T0 + 3 * Ms, 1001, 1, Side.Buy);
        h.RunThrough(T0 + 10 * Ms);

        Assert.That(Entries(h).Single().PriceTicks, Is.EqualTo(1000));
    }

    [Test]
    public void PostOnly_RejectedAsTaker_RepricesAtTheNewTouch()
    {
        using var h = new EngineHarness();
        h.Quote(T0, 999, 1000);
        h.RunThrough(T0 + 5 * Ms);
        h.Signals.Want(+1);
        // The engine decides on the trade with the old book (buy 99.9) while the venue's ask has already come down to 99.9.
        h.Trade(T0 + 10 * Ms, 1000, 1, Side.Buy);
        h.Quote(T0 + 10 * Ms, 998, 999);
        h.RunThrough(T0 + 30 * Ms);

        var entries = Entries(h);
        var first = h.Journal.OrderUpdates.First(u => u.ClientOrderId == entries[0].ClientOrderId && u.Status == OrderStatus.Expired);
        Assert.Multiple(() =>
        {
            Assert.That(first.Reject, Is.EqualTo(RejectReason.PostOnlyWouldTake));
            Assert.That(entries.Select(e => (e.ClientOrderId, e.PriceTicks, e.TimeInForce)), Is.EqualTo(new[]
            {
                (ClientOrderId.Create(7, 0, 1, OrderRole.Entry, 0), 999L, TimeInForce.PostOnly),
                (ClientOrderId.Create(7, 0, 1, OrderRole.Entry, 1), 998L, TimeInForce.PostOnly),
            }));
            Assert.That(h.Engine.Router(0).Reprices, Is.EqualTo(1));
            Assert.That(h.Engine.Router(0).State, Is.EqualTo(EntryRouterState.Working));
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.EqualTo(1));
        });
    }

    [Test]
    public void PostOnly_TouchMovesAway_RepricesBeforeTheTimeout()
    {
        using var h = new EngineHarness();
        h.StartLongAt999(T0);
        h.Quote(T0 + 50 * Ms, 1000, 1001);
        h.RunThrough(T0 + 70 * Ms);

        var entries = Entries(h);
        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => e.PriceTicks), Is.EqualTo(new[] { 999L, 1000L }));
            Assert.That(h.Orders.Cancels, Is.EqualTo(new[] { entries[0].ClientOrderId }), "cancel first, then the new price");
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.EqualTo(1));
        });
    }

    [Test]
    public void PostOnly_NeverFills_RepricesUpToTheLimitThenTakesWithIoc()
    {
        using var h = new EngineHarness(o => o.Routing.MaxReprices = 2);
        h.StartLongAt999(T0);
        h.RunThrough(T0 + 1_000 * Ms);

        var entries = Entries(h);
        var ioc = entries[^1];
        var router = h.Engine.Router(0);
        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => e.TimeInForce), Is.EqualTo(new[]
                { TimeInForce.PostOnly, TimeInForce.PostOnly, TimeInForce.PostOnly, TimeInForce.ImmediateOrCancel }));
            Assert.That(entries.Select(e => ClientOrderId.TryParse(e.ClientOrderId, out var p) ? p.Attempt : -1), Is.EqualTo(new[] { 0, 1, 2, 3 }));
            Assert.That((ioc.PriceTicks, ioc.QtyLots), Is.EqualTo((1002L, 150L)), "within 2 ticks through the ask");
            Assert.That(router.State, Is.EqualTo(EntryRouterState.Idle));
            Assert.That(router.Reprices, Is.EqualTo(2));
            Assert.That(h.Engine.Brackets(0).Position!.QtyLots, Is.EqualTo(150));
            Assert.That(h.Engine.Brackets(0).Position!.EntryPriceTicks, Is.EqualTo((100 * 1000m + 50 * 1001m) / 150), "100 lots at the ask, 50 a tick above");
            Assert.That(h.Orders.Cancels, Is.EqualTo(entries.Take(3).Select(e => e.ClientOrderId)), "each post-only cancelled before the next order");
            Assert.That(h.Checker.Violations, Is.Empty);
        });
        // The reprices were on the timer: about 250 ms apart.
        var sent = h.Journal.OrdersSent.Where(s => s.Request.Role == OrderRole.Entry).Select(s => s.TsNs).ToArray();
        Assert.That(sent[1] - sent[0], Is.InRange(250 * Ms, 275 * Ms));
    }

    [Test]
    public void PostOnly_RepricesUsedUpAndConfidenceBelowTheBar_GivesUpWithoutIoc()
    {
        using var h = new EngineHarness(o => o.Routing.MaxReprices = 1);
        h.StartLongAt999(T0);
        h.Signals.Hold(+1, 0.5); // below the 0.55 entry bar, above the 0.45 cancel level
        h.Trade(T0 + 20 * Ms, 1000, 1, Side.Buy);
        h.RunThrough(T0 + 1_000 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(Entries(h).Select(e => e.TimeInForce), Is.EqualTo(new[] { TimeInForce.PostOnly, TimeInForce.PostOnly }));
            Assert.That(h.Engine.Router(0).State, Is.EqualTo(EntryRouterState.Idle));
            Assert.That(h.Engine.Brackets(0).HasPosition, Is.False);
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
            Assert.That(h.Engine.Orders.LiveCount, Is.Zero);
        });
    }

    [Test]
    public void PartialFill_ThenSignalDecays_CancelsTheRestAndBracketsWhatFilled()
    {
        using var h = new EngineHarness();
        h.StartLongAt999(T0);
        h.Signals.Hold(+1, 0.7);
        h.SellersHitBid(T0 + 20 * Ms, 160);
        h.RunThrough(T0 + 30 * Ms);
        h.Signals.Hold(+1, 0.3);
        h.Trade(T0 + 40 * Ms, 1000, 1, Side.Buy);
        h.RunThrough(T0 + 60 * Ms);

        var entry = Entries(h).Single();
        var b = h.Engine.Brackets(0);
        Assert.Multiple(() =>
        {
            Assert.That(h.Orders.Cancels, Does.Contain(entry.ClientOrderId));
            Assert.That(h.Journal.OrderUpdates.Last(u => u.ClientOrderId == entry.ClientOrderId).Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(h.Engine.Router(0).State, Is.EqualTo(EntryRouterState.Idle));
            Assert.That(b.Position!.QtyLots, Is.EqualTo(60));
            Assert.That(b.StopOrder!.OpenLots, Is.EqualTo(60));
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(60));
            Assert.That(h.Checker.Violations, Is.Empty);
        });
    }

    [Test]
    public void Cancel_RacedByAFill_LateFillOpensThePositionAndTheBracketFollows()
    {
        using var h = new EngineHarness();
        h.StartLongAt999(T0);
        h.Signals.Hold(+1, 0.3);
        h.Trade(T0 + 20 * Ms, 1000, 1, Side.Buy);
        h.RunThrough(T0 + 21 * Ms); // the engine cancels now; the cancel reaches the venue 2 ms later
        var entry = Entries(h).Single();
        Assert.That(h.Orders.Cancels, Is.EqualTo(new[] { entry.ClientOrderId }));

        h.SellersHitBid(T0 + 22 * Ms, 250); // fills the order before the cancel lands
        h.RunThrough(T0 + 40 * Ms);

        var answer = h.Journal.OrderUpdates.Last(u => u.ClientOrderId == entry.ClientOrderId);
        var b = h.Engine.Brackets(0);
        Assert.Multiple(() =>
        {
            Assert.That((answer.Status, answer.Reject), Is.EqualTo((OrderStatus.Filled, RejectReason.OrderNotFound)));
            Assert.That(b.Position!.QtyLots, Is.EqualTo(150));
            Assert.That(b.StopOrder!.Request.QtyLots, Is.EqualTo(150));
            Assert.That(h.Engine.Router(0).State, Is.EqualTo(EntryRouterState.Idle));
            Assert.That(h.Engine.Orders.LiveCount, Is.EqualTo(h.Venue.WorkingOrderCount(Symbol)), "no order the engine does not know the state of");
            Assert.That(h.Checker.Violations, Is.Empty);
        });
    }

    [Test]
    public void Entry_ExchangeRejects_JournalsBacksOffThenEntersAgain()
    {
        using var h = new EngineHarness();
        h.Venue.Faults.RejectNext(1, RejectReason.InsufficientMargin);
        h.StartLongAt999(T0);

        var reject = h.Journal.OrderUpdates.Single(u => u.Status == OrderStatus.Rejected);
        Assert.That(reject.Reject, Is.EqualTo(RejectReason.InsufficientMargin));
        Assert.That(h.Engine.Router(0).State, Is.EqualTo(EntryRouterState.Idle));

        h.Trade(T0 + 500 * Ms, 1000, 1, Side.Buy); // within the one-second back-off
        h.RunThrough(T0 + 510 * Ms);
        Assert.That(Entries(h), Has.Length.EqualTo(1));
        Assert.That(h.Journal.Decisions[^1].Gate, Is.EqualTo(GateReason.EntryWorking));

        h.Trade(T0 + 1_100 * Ms, 1000, 1, Side.Buy);
        h.RunThrough(T0 + 1_110 * Ms);
        var entries = Entries(h);
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Length.EqualTo(2));
            Assert.That(entries[1].ClientOrderId, Is.Not.EqualTo(entries[0].ClientOrderId));
            Assert.That(h.Journal.Decisions.Select(d => d.Action), Is.EqualTo(new[] { "enter", "blocked", "enter" }));
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.EqualTo(1));
        });
    }

    [Test]
    public void Order_VenueDoesNotAnswer_IsCancelledAfterTheAckTimeoutAndResolved()
    {
        using var h = new EngineHarness(o => o.Routing.AckTimeoutMs = 100);
        h.Venue.Faults.ExtraReportDelayNs = 300 * Ms;
        h.StartLongAt999(T0);
        h.RunThrough(T0 + 150 * Ms);
        var entry = Entries(h).Single();
        Assert.That(h.Orders.Cancels, Does.Contain(entry.ClientOrderId), "unanswered for 100 ms: the cancel resolves it");

        h.Venue.Faults.ExtraReportDelayNs = 0;
        h.RunThrough(T0 + 1_000 * Ms);
        Assert.Multiple(() =>
        {
            Assert.That(h.Journal.OrderUpdates.Last(u => u.ClientOrderId == entry.ClientOrderId).Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(h.Engine.Orders.LiveCount, Is.Zero);
            Assert.That(h.Engine.State.WorkingOrders, Is.Empty);
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
        });
    }
}
