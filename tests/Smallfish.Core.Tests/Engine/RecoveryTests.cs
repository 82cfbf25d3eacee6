using Smallfish.Core.Brackets;
using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Recovery;
using Smallfish.Core.Risk;
using Smallfish.Core.State;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Engine;

/// <summary>
/// Kill the engine (drop it, no shutdown) with a position, its bracket and orders on the simulated venue; build a new
/// engine from the venue's open orders and positions, its executions and the journal; reconcile. Nothing doubled,
/// nothing lost, the position protected within the call.
/// </summary>
public class RecoveryTests
{
    private const string Entry = "sf7-0-1-E0";
    private const string Stop = "sf7-0-1-S0";
    private const string TakeProfit = "sf7-0-1-T0";

    /// <summary>A 50-lot long at 99.9 with its bracket, and the rest of the 150-lot entry still resting at 99.9.</summary>
    private static void PartialLongWithRestingEntry(EngineHarness h, long t)
    {
        h.StartLongAt999(t);
        h.Signals.Hold(+1, 0.7);
        h.SellersHitBid(t + 20 * Ms, 150); // 100 ahead in the queue, then 50 of ours
        h.RunThrough(t + 40 * Ms);
    }

    private static IEnumerable<string> VenueIds(EngineHarness h) => h.Venue.GetOpenOrders(Symbol).Select(o => o.ClientOrderId);

    [Test]
    public void Reconcile_PartialPositionAndRestingEntry_AdoptsBracketCancelsEntryAndResumesWithNewRun()
    {
        using var h = new EngineHarness();
        PartialLongWithRestingEntry(h, T0);
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(50));
        Assert.That(VenueIds(h), Is.EquivalentTo(new[] { Entry, Stop, TakeProfit }));
        var saved = h.Engine.State.Snapshot();
        int placedBefore = h.Orders.Placed.Count;

        h.Crash();
        h.RunThrough(T0 + 100 * Ms);
        var (engine, input, report) = RestartInput.Restart(h, saved, FirstRun);

        // Within the call: the exchange's position and bracket are the engine's, protected for the full size.
        var b = engine.Brackets(0);
        Assert.Multiple(() =>
        {
            Assert.That(engine.Run, Is.EqualTo(8));
            Assert.That((b.Position?.Side, b.Position?.QtyLots, b.Position?.EntryPriceTicks), Is.EqualTo((Side.Buy, 50L, 999m)));
            Assert.That(b.StopOrder?.ClientOrderId, Is.EqualTo(Stop), "the live stop is adopted, not doubled");
            Assert.That(b.StopOrder?.OpenLots, Is.EqualTo(50));
            Assert.That(b.TakeProfitOrder?.ClientOrderId, Is.EqualTo(TakeProfit));
            Assert.That(h.Orders.Placed, Has.Count.EqualTo(placedBefore), "nothing new was placed");
            Assert.That(report.OrdersAdopted, Is.EquivalentTo(new[] { Entry, Stop, TakeProfit }));
            Assert.That(report.OrdersCancelled, Is.EqualTo(new[] { new CancelledOrder(Symbol, Entry, RecoveryCancelReason.StaleEntry) }));
            Assert.That(report.StopsPlaced, Is.Empty);
            Assert.That(report.AdoptedPositions.Single(), Is.EqualTo(new AdoptedPosition(Symbol, Side.Buy, 50, 999m, 989, StopSource.Exchange, false)));
            Assert.That(h.Orders.Cancels, Is.EqualTo(new[] { Entry }));
            Assert.That(engine.IsReconciling, Is.True, "until the entry's cancel is confirmed");
            Assert.That(engine.State.Positions, Contains.Key(Symbol));
            Assert.That(engine.State.Daily.Entries, Is.EqualTo(saved.Daily.Entries), "taking a position over is not a new entry");
        });

        h.RunThrough(h.Now + 10 * Ms);
        Assert.Multiple(() =>
        {
            Assert.That(VenueIds(h), Is.EquivalentTo(new[] { Stop, TakeProfit }), "every venue order is kept or cancelled by rule");
            Assert.That(engine.IsReconciling, Is.False);
            Assert.That(engine.Orders.LiveCount, Is.EqualTo(2));
        });

        // Trading resumes: the take-profit fills, the next entry carries the new run.
        long t = h.Now + 10 * Ms;
        h.Trade(t, 1019, 200, Side.Buy);
        h.RunThrough(t + 10 * Ms);
        Assert.That(engine.Brackets(0).HasPosition, Is.False);
        Assert.That(h.LastTrade.Reason, Is.EqualTo(ExitReason.TakeProfit));
        h.Signals.Want(+1, 0.8);
        Scenarios.Nudge(h, t + 50 * Ms);
        var next = h.Orders.PlacedWith(OrderRole.Entry).Last();
        Assert.That(ClientOrderId.TryParse(next.ClientOrderId, out var parts), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That((parts.Run, parts.SymbolId), Is.EqualTo((8L, 0)));
            Assert.That(parts.Sequence, Is.GreaterThan(input.MaxSequenceSeen()));
            Assert.That(h.Orders.DuplicateIds, Is.Empty);
            Assert.That(h.Journal.OrderUpdates.Where(u => u.Reject == RejectReason.DuplicateClientOrderId), Is.Empty);
            Assert.That(h.Checker.Violations, Is.Empty);
            Assert.That(engine.UnknownReports, Is.Zero);
        });
    }

    [Test]
    public void Reconcile_LateFillOfTheStaleEntryRacesItsCancel_PositionGrowsAndStaysProtected()
    {
        using var h = new EngineHarness();
        PartialLongWithRestingEntry(h, T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        h.RunThrough(T0 + 100 * Ms);
        var (engine, _, _) = RestartInput.Restart(h, saved, FirstRun);

        h.SellersHitBid(h.Now + 1 * Ms, 100); // reaches the venue before the cancel: the rest of the entry fills
        h.RunThrough(h.Now + 30 * Ms);

        var p = engine.Brackets(0).Position!;
        var venueStop = h.Venue.GetOpenOrders(Symbol).Single(o => o.Type == OrderType.StopMarket);
        Assert.Multiple(() =>
        {
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.EqualTo(150));
            Assert.That(p.QtyLots, Is.EqualTo(150), "the late fill is the adopted entry's, not an unknown one");
            // The adopted stop closes the position: it covers the grown position at the venue without a size amend.
            Assert.That((venueStop.ClientOrderId, venueStop.ClosePosition), Is.EqualTo((Stop, true)), "the adopted stop closes the position");
            Assert.That(engine.Brackets(0).StopOrder!.OpenLots, Is.EqualTo(150), "the engine books it as covering the grown position");
            Assert.That(h.Orders.Amends.Where(a => a.Id == Stop), Is.Empty, "no size amend of the stop");
            Assert.That(engine.UnknownReports, Is.Zero);
            Assert.That(engine.State.KillSwitch.IsTripped, Is.False);
            Assert.That(h.Checker.Violations, Is.Empty);
            Assert.That(engine.IsReconciling, Is.False);
        });
    }

    [Test]
    public void Reconcile_PositionWithoutStopOnVenue_PlacesFullStopAtTheJournalsLevelWithinTheCall()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash(); // as if it died between the fill and the stop: the stop is gone from the venue
        h.Venue.Cancel(Symbol, Stop);
        h.RunThrough(T0 + 100 * Ms);
        Assert.That(VenueIds(h), Is.EqualTo(new[] { TakeProfit }));
        int placedBefore = h.Orders.Placed.Count;

        var (engine, _, report) = RestartInput.Restart(h, saved, FirstRun);

        var stop = engine.Brackets(0).StopOrder!;
        var sent = h.Orders.Placed.Skip(placedBefore).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sent, Has.Count.EqualTo(1));
            Assert.That(sent[0], Is.EqualTo(new OrderRequest(stop.ClientOrderId, Symbol, Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel,
                0, 150, 989, true, OrderRole.StopLoss, ClosePosition: true)));
            Assert.That(stop.ClientOrderId, Does.StartWith("sf8-0-"));
            Assert.That(report.StopsPlaced, Is.EqualTo(new[] { stop.ClientOrderId }));
            Assert.That(report.AdoptedPositions.Single().Source, Is.EqualTo(StopSource.Journal));
            Assert.That(engine.Brackets(0).TakeProfitOrder?.ClientOrderId, Is.EqualTo(TakeProfit));
        });

        h.RunThrough(h.Now + 10 * Ms);
        Assert.Multiple(() =>
        {
            Assert.That(VenueIds(h), Is.EquivalentTo(new[] { stop.ClientOrderId, TakeProfit }));
            Assert.That(engine.IsReconciling, Is.False, "the venue acknowledged the stop");
        });
    }

    [Test]
    public void Reconcile_NoStopAndTheJournalLost_PlacesTheFallbackStopAndAdoptsTheUnknownTakeProfit()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        h.Venue.Cancel(Symbol, Stop);
        h.RunThrough(T0 + 100 * Ms);

        var (engine, _, report) = RestartInput.Restart(h, saved, FirstRun, i => i with { Journal = JournalRecovery.Empty },
            o => o.Risk.Recovery.FallbackStopTicks = 30);

        var b = engine.Brackets(0);
        Assert.Multiple(() =>
        {
            Assert.That(engine.Run, Is.EqualTo(8), "the exchange's ids still tell which runs were used");
            Assert.That(b.StopOrder?.TriggerTicks, Is.EqualTo(969));
            Assert.That(b.StopOrder?.QtyLots, Is.EqualTo(150));
            Assert.That(report.AdoptedPositions.Single().Source, Is.EqualTo(StopSource.Fallback));
            Assert.That(b.TakeProfitOrder?.ClientOrderId, Is.EqualTo(TakeProfit), "an order the journal does not know is adopted by rule");
            Assert.That(h.Journal.OrdersSent.Count(s => s.Request.ClientOrderId == TakeProfit), Is.EqualTo(2), "journaled again as adopted");
        });
    }

    [Test]
    public void Reconcile_NoStopNoJournalBookReady_PlacesTheStopRulesStop()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        h.Venue.Cancel(Symbol, Stop);
        h.RunThrough(T0 + 100 * Ms);
        var input = RestartInput.From(h, saved, FirstRun) with { Journal = JournalRecovery.Empty };
        var engine = h.Restart(input.NextRun());
        h.Quote(h.Now + 1 * Ms, 1000, 1001); // market data first: the book and features are ready
        h.RunThrough(h.Now + 5 * Ms);

        var report = engine.Reconcile(input, h.Now);

        Assert.Multiple(() =>
        {
            Assert.That(report.AdoptedPositions.Single().Source, Is.EqualTo(StopSource.StopRule));
            Assert.That(engine.Brackets(0).StopOrder?.TriggerTicks, Is.EqualTo(989), "10 ticks (the rule's floor) below the 99.9 entry");
        });
    }

    [Test]
    public void Reconcile_TwoSymbols_TheMissingStopGoesOutBeforeAnyCancel()
    {
        var other = new Core.Instruments.InstrumentSpec("OTHERUSDT", 0.1m, 1m, 1m, 5m);
        using var h = new EngineHarness(extra: other);
        h.OpenLong(T0);
        h.Quote(T0 + 50 * Ms, 499, 500, symbolId: 1);
        h.RunThrough(T0 + 52 * Ms);
        h.Signals.Want(+1, 0.8, symbolId: 1);
        h.Trade(T0 + 53 * Ms, 500, 1, Side.Buy, symbolId: 1);
        h.RunThrough(T0 + 60 * Ms);
        h.Signals.Hold(+1, 0.7, symbolId: 1);
        var otherEntry = h.Venue.GetOpenOrders(other.Symbol).Single();
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        h.Venue.Cancel(Symbol, Stop);
        h.RunThrough(T0 + 100 * Ms);
        int logged = h.Orders.Log.Count;

        var (engine, _, report) = RestartInput.Restart(h, saved, FirstRun);

        var commands = h.Orders.Log.Skip(logged).Select(l => string.Join(' ', l.Split(' ').Skip(1).Take(2))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(otherEntry.ClientOrderId, Is.EqualTo("sf7-1-2-E0"));
            Assert.That(commands, Is.EqualTo(new[] { "place " + engine.Brackets(0).StopOrder!.ClientOrderId, "cancel sf7-1-2-E0" }));
            Assert.That(report.OrdersCancelled, Is.EqualTo(new[] { new CancelledOrder(other.Symbol, "sf7-1-2-E0", RecoveryCancelReason.StaleEntry) }));
            Assert.That(engine.Brackets(1).HasPosition, Is.False);
        });
        h.RunThrough(h.Now + 10 * Ms);
        Assert.That(h.Venue.GetOpenOrders(other.Symbol), Is.Empty);
        Assert.That(engine.IsReconciling, Is.False);
    }

    [Test]
    public void Reconcile_StopLevelCrossedWhileDown_ClosesAtMarketWithinTheCall()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        h.Venue.Cancel(Symbol, Stop);
        h.Quote(T0 + 60 * Ms, 984, 985);
        h.Trade(T0 + 61 * Ms, 984, 5, Side.Sell); // through the 98.9 stop no one guards any more
        h.RunThrough(T0 + 100 * Ms);
        int placedBefore = h.Orders.Placed.Count;

        var (engine, _, report) = RestartInput.Restart(h, saved, FirstRun);

        var sent = h.Orders.Placed.Skip(placedBefore).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(engine.Brackets(0).PendingExit, Is.EqualTo(ExitReason.StopLoss));
            Assert.That(sent.Select(r => (r.Role, r.Type, r.Side, r.QtyLots, r.ReduceOnly)),
                Is.EqualTo(new[] { (OrderRole.Exit, OrderType.Market, Side.Sell, 150L, true) }), "no stop that would trigger at once: out at market");
            Assert.That(h.Orders.Cancels, Is.EqualTo(new[] { TakeProfit }));
            Assert.That(report.ClosedAtMarket, Is.EqualTo(new[] { Symbol }));
            Assert.That(report.AdoptedPositions.Single().ClosingAtMarket, Is.True);
        });

        h.RunThrough(h.Now + 20 * Ms);
        Assert.Multiple(() =>
        {
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);
            Assert.That(h.LastTrade.Reason, Is.EqualTo(ExitReason.StopLoss));
            Assert.That(engine.IsReconciling, Is.False);
            Assert.That(h.Venue.GetOpenOrders(Symbol), Is.Empty);
        });
    }

    [Test]
    public void Reconcile_StopFilledWhileDown_BooksTheTradeOnceResolvesTheJournalOrdersAndCancelsNothingTwice()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        h.Quote(T0 + 60 * Ms, 985, 986, bidLots: 200);
        h.Trade(T0 + 61 * Ms, 985, 5, Side.Sell); // the venue's stop fires while nobody listens
        h.RunThrough(T0 + 100 * Ms);
        Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);

        var (engine, _, report) = RestartInput.Restart(h, saved, FirstRun);

        var trade = report.TradesBooked.Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.FillsBooked.Select(f => f.ClientOrderId).Distinct(), Is.EqualTo(new[] { Stop }));
            Assert.That(trade.Reason, Is.EqualTo(ExitReason.StopLoss));
            Assert.That(trade.RMultiple, Is.LessThan(-1.0), "gapped 4 ticks past a 10-tick stop, plus fees");
            Assert.That(h.Journal.Trades, Has.Count.EqualTo(1));
            Assert.That(engine.State.Daily.TradeCount, Is.EqualTo(saved.Daily.TradeCount + 1));
            Assert.That(engine.State.Equity.Equity, Is.EqualTo(saved.Equity + trade.NetPnl));
            Assert.That(engine.State.LastLossNs, Is.EqualTo(trade.ClosedNs), "the loss cooldown starts at the close");
            Assert.That(report.OrdersResolved, Is.EquivalentTo(new[]
            {
                new ResolvedOrder(Symbol, Stop, OrderStatus.Filled, 150),
                new ResolvedOrder(Symbol, TakeProfit, OrderStatus.Cancelled, 0),
            }));
            Assert.That(report.AdoptedPositions, Is.Empty);
            Assert.That(engine.IsReconciling, Is.False, "nothing to protect, nothing to cancel");
        });

        // A second crash and restart books nothing again.
        var saved2 = engine.State.Snapshot();
        h.Crash();
        h.RunThrough(h.Now + 50 * Ms);
        var (again, _, report2) = RestartInput.Restart(h, saved2, engine.Run);
        Assert.Multiple(() =>
        {
            Assert.That(again.Run, Is.EqualTo(9));
            Assert.That(report2.FillsBooked, Is.Empty);
            Assert.That(report2.TradesBooked, Is.Empty);
            Assert.That(report2.OrdersResolved, Is.Empty);
            Assert.That(h.Journal.Trades, Has.Count.EqualTo(1));
            Assert.That(again.State.Daily.TradeCount, Is.EqualTo(saved.Daily.TradeCount + 1));
        });
    }

    [Test]
    public void Reconcile_TwoLiveStops_KeepsOneAndCancelsTheDuplicate()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        // A replacement stop whose predecessor was never cancelled (crash between the two).
        h.Venue.Place(new OrderRequest("sf7-0-1-S1", Symbol, Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, 0, 150, 988, true, OrderRole.StopLoss));
        h.RunThrough(T0 + 100 * Ms);

        var (engine, _, report) = RestartInput.Restart(h, saved, FirstRun);
        h.RunThrough(h.Now + 10 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(engine.Brackets(0).StopOrder?.ClientOrderId, Is.EqualTo("sf7-0-1-S1"), "the same size: the latest is kept");
            Assert.That(report.OrdersCancelled, Is.EqualTo(new[] { new CancelledOrder(Symbol, Stop, RecoveryCancelReason.Duplicate) }));
            Assert.That(VenueIds(h), Is.EquivalentTo(new[] { "sf7-0-1-S1", TakeProfit }));
            Assert.That(engine.IsReconciling, Is.False);
        });
    }

    [Test]
    public void Reconcile_ForeignOrders_AreLeftAloneAndReported()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        h.Venue.Place(new OrderRequest("manual-42", Symbol, Side.Buy, OrderType.Limit, TimeInForce.GoodTillCancel, 950, 5, 0, false, OrderRole.Entry));
        h.RunThrough(T0 + 100 * Ms);

        var (engine, _, report) = RestartInput.Restart(h, saved, FirstRun);
        h.RunThrough(h.Now + 10 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(report.ForeignOrders.Select(o => o.ClientOrderId), Is.EqualTo(new[] { "manual-42" }));
            Assert.That(report.OrdersCancelled, Is.Empty);
            Assert.That(h.Orders.Cancels, Is.Empty);
            Assert.That(VenueIds(h), Contains.Item("manual-42"));
            Assert.That(engine.IsReconciling, Is.False);
        });
    }

    [Test]
    public void Reconcile_ForeignOrdersWithCancelPolicy_AreCancelledAndReported()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        h.Venue.Place(new OrderRequest("manual-42", Symbol, Side.Buy, OrderType.Limit, TimeInForce.GoodTillCancel, 950, 5, 0, false, OrderRole.Entry));
        h.RunThrough(T0 + 100 * Ms);

        var (_, _, report) = RestartInput.Restart(h, saved, FirstRun, configure: o => o.Risk.Recovery.ForeignOrders = ForeignOrderPolicy.Cancel);
        h.RunThrough(h.Now + 10 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(report.OrdersCancelled, Is.EqualTo(new[] { new CancelledOrder(Symbol, "manual-42", RecoveryCancelReason.Foreign) }));
            Assert.That(VenueIds(h), Is.EquivalentTo(new[] { Stop, TakeProfit }));
        });
    }

    [Test]
    public void Reconcile_DailyCountersAndTrippedKillSwitch_SurviveTheRestart()
    {
        using var h = new EngineHarness();
        Scenarios.LongStoppedOut(h, T0);
        h.Engine.Kill("owner /kill");
        h.RunThrough(T0 + 300 * Ms);
        var saved = h.Engine.State.Snapshot();
        Assert.That(saved.Daily.TradeCount, Is.EqualTo(1));
        h.Crash();
        h.RunThrough(T0 + 400 * Ms);

        var (engine, _, _) = RestartInput.Restart(h, saved, FirstRun);

        var state = engine.State.Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(state.Daily, Is.EqualTo(saved.Daily));
            Assert.That((state.KillSwitch.IsTripped, state.KillSwitch.Reason, state.KillSwitch.Detail), Is.EqualTo((true, KillSwitchReason.Manual, "owner /kill")));
            Assert.That(state.LastLossNs, Is.EqualTo(saved.LastLossNs));
            Assert.That((state.Equity, state.PeakEquity), Is.EqualTo((saved.Equity, saved.PeakEquity)));
            Assert.That(engine.IsReconciling, Is.False);
        });

        h.Signals.Want(+1, 0.8);
        Scenarios.Nudge(h, h.Now + 10 * Second);
        Assert.That(h.Journal.Decisions[^1].Gate, Is.EqualTo(GateReason.KillSwitch), "a restart is not a resume");
    }

    [Test]
    public void Decide_BeforeReconcile_RefusesEntriesAsReconciling()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        h.RunThrough(T0 + 100 * Ms);
        var input = RestartInput.From(h, saved, FirstRun);
        var engine = h.Restart(input.NextRun());
        h.Signals.Want(+1, 0.8);
        Scenarios.Nudge(h, h.Now + 1 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.Journal.Decisions[^1].Gate, Is.EqualTo(GateReason.Reconciling));
            Assert.That(engine.Orders.Sent, Is.Zero);
        });
    }

    [Test]
    public void OnFill_OldRunsFillBeforeReconcile_DoesNotTripTheKillSwitch()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        h.Crash();
        h.RunThrough(T0 + 100 * Ms);
        var engine = h.Restart(FirstRun + 1);
        h.Quote(h.Now + 1 * Ms, 985, 986, bidLots: 200);
        h.Trade(h.Now + 2 * Ms, 985, 5, Side.Sell); // the old run's stop fires; its reports reach the new engine unbuffered
        h.RunThrough(h.Now + 10 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.Venue.GetPosition(Symbol).NetLots, Is.Zero);
            Assert.That(engine.UnknownReports, Is.GreaterThan(0));
            Assert.That(engine.State.KillSwitch.IsTripped, Is.False, "the previous run's orders are not unknown, only not yet adopted");
        });
    }

    [Test]
    public void Reconcile_RunNotAboveOneSeen_Throws()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var saved = h.Engine.State.Snapshot();
        h.Crash();
        var input = RestartInput.From(h, saved, runCounter: 3); // a stale counter: the exchange shows run 7
        var engine = h.Restart(run: 7);

        Assert.That(() => engine.Reconcile(input, h.Now), Throws.InvalidOperationException);
        Assert.That(input.NextRun(), Is.EqualTo(8));
    }
}
