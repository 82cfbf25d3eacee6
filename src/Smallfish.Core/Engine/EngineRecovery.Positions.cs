using Smallfish.Core.Brackets;
using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Execution;
using Smallfish.Core.Recovery;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Engine;

/// <summary>Rules (a) and (b): positions taken over and protected; orders kept or cancelled.</summary>
internal sealed partial class EngineRecovery
{
    /// <summary>
    /// Rule (a): the exchange's position becomes the engine's. Its bracket is rebuilt from the Smallfish reduce-only
    /// orders on the exit side: the largest (then latest) stop, take-profit and partial are kept, the rest cancelled.
    /// Without a live stop, one goes out within this call at the journal's last known level, else the stop rule's, else
    /// the fallback; a level the price has already crossed closes the position at market instead.
    /// </summary>
    private void TakeOver(RecoveryWork w, ReconciliationInput input, List<(SymbolContext, ManagedOrder, RecoveryCancelReason)> cancels,
        ReconciliationReport report, long nowNs)
    {
        var ctx = w.Ctx;
        var ex = w.Position!;
        var side = ex.Side;
        int sign = side.Sign();
        var risk = ctx.Options.Risk;
        long entry = (long)decimal.Round(ex.AvgEntryTicks, 0, MidpointRounding.AwayFromZero);
        var (stop, tp, partial) = SortOrders(w, input, cancels, report, nowNs);

        // The journal's view of this position, when it is on the same side.
        var replay = w.Replay;
        var view = replay?.Position is { } rp && rp.Side == side ? rp : null;
        if (replay?.Position is { } other && view is null)
        {
            report.WarningsList.Add($"{ctx.Symbol}: the journal knew a {other.Side} position, the exchange holds a {side} one: the exchange's is taken over");
        }
        bool booksAgree = view is not null && view.QtyLots == ex.QtyLots;
        if (view is not null && !booksAgree)
        {
            report.WarningsList.Add($"{ctx.Symbol}: the journal's position ({view.QtyLots} lots) differs from the exchange's ({ex.QtyLots} lots): the exchange's is taken over and its round trip starts at the exchange's average entry");
        }

        var (stopTicks, distance) = StopLevel(w, stop, view is null ? null : replay, entry, sign);
        w.StopTicks = stopTicks;
        bool lossSide = (stopTicks - entry) * sign < 0;
        var stage = lossSide ? StopStage.Initial : view?.PartialTaken == true ? StopStage.BreakEven : StopStage.Trailing;
        var plan = BracketPlan.Create(side, entry, distance, risk.RewardRisk, 0);
        long takeProfit = tp is not null ? PriceOf(tp)
            : view is not null && w.Known is { TakeProfitTicks: > 0 } k && (k.TakeProfitTicks - entry) * sign > 0 ? k.TakeProfitTicks
            : plan.TakeProfitTicks;

        var position = new Position(ctx.Symbol, side, ex.QtyLots, entry, view?.OpenedNs ?? nowNs, stopTicks)
        {
            EntryPriceTicks = ex.AvgEntryTicks,
            InitialStopTicks = plan.StopTicks,
            TakeProfitTicks = takeProfit,
            PartialTaken = partial is null, // no new partial after a restart; a live one is kept
            Fees = booksAgree ? view!.Fees : 0,
        };
        if (booksAgree && view!.InitialQtyLots > position.InitialQtyLots) position.InitialQtyLots = view.InitialQtyLots;

        long sequence = stop is not null ? stop.Sequence
            : view is not null && replay!.Sequence >= 0 ? replay.Sequence
            : _engine.NextSequence();
        var takeover = new BracketTakeover(position, sequence, distance, stage, stop, tp, partial,
            partial is null ? 0 : PriceOf(partial), booksAgree ? replay!.Fills : null, ReferencePrice(ctx, input));
        long stopLots = stop?.QtyLots ?? 0;
        ctx.Brackets.Adopt(takeover, nowNs);
        _engine.State.AdoptPosition(position, nowNs);

        var placed = ctx.Brackets.StopOrder;
        if (placed is not null && !ReferenceEquals(placed, stop)) report.StopsPlacedList.Add(placed.ClientOrderId);
        else if (stop is not null && stop.QtyLots != stopLots) report.StopsResizedList.Add(stop.ClientOrderId);
    }

    /// <summary>
    /// Adopts the symbol's Smallfish orders and sorts them: the stop, take-profit and partial that fit the position
    /// (largest, then latest, of each) are kept; every other one is queued for cancelling with its rule.
    /// </summary>
    private (ManagedOrder? Stop, ManagedOrder? TakeProfit, ManagedOrder? Partial) SortOrders(RecoveryWork w, ReconciliationInput input,
        List<(SymbolContext, ManagedOrder, RecoveryCancelReason)> cancels, ReconciliationReport report, long nowNs)
    {
        var ctx = w.Ctx;
        var side = w.Position!.Side;
        var risk = ctx.Options.Risk;
        var tpType = risk.TakeProfitOrderType == TakeProfitOrderKind.Limit ? OrderType.Limit : OrderType.TakeProfitMarket;
        bool partialEnabled = risk.PartialTakeProfit.Enabled;
        ManagedOrder? stop = null, tp = null, partial = null;
        var adopted = new List<ManagedOrder>(w.Orders.Count);
        foreach (var o in w.Orders) adopted.Add(Adopt(ctx, o, input, w.Position!.QtyLots, nowNs, report));
        foreach (var m in adopted)
        {
            switch (ProtectiveRole(m, side, tpType, partialEnabled))
            {
                case OrderRole.StopLoss: Keep(ref stop, m); break;
                case OrderRole.TakeProfit: Keep(ref tp, m); break;
                case OrderRole.PartialTakeProfit: Keep(ref partial, m); break;
            }
        }
        foreach (var m in adopted)
        {
            if (ReferenceEquals(m, stop) || ReferenceEquals(m, tp) || ReferenceEquals(m, partial)) continue;
            var reason = m.Role == OrderRole.Entry ? RecoveryCancelReason.StaleEntry
                : ProtectiveRole(m, side, tpType, partialEnabled) is not null ? RecoveryCancelReason.Duplicate
                : RecoveryCancelReason.Mismatch;
            cancels.Add((ctx, m, reason));
        }
        return (stop, tp, partial);
    }

    /// <summary>
    /// The stop level and 1R of a position taken over: the live stop's level, else the journal's last known level,
    /// else the stop rule's (or the fallback's) distance from the entry. 1R is the journal's first stop distance when
    /// it knew one, else the distance from the entry to a loss-side stop, else the rule's distance.
    /// </summary>
    private (long StopTicks, long DistanceTicks) StopLevel(RecoveryWork w, ManagedOrder? stop, PositionReplay? journal, long entry, int sign)
    {
        long distance = 0;
        if (journal is { InitialStopTicks: > 0, Position: { } p })
        {
            distance = Math.Abs((long)decimal.Round(p.EntryPriceTicks, 0, MidpointRounding.AwayFromZero) - journal.InitialStopTicks);
        }
        long stopTicks;
        if (stop is not null)
        {
            stopTicks = stop.TriggerTicks;
            w.StopSource = StopSource.Exchange;
        }
        else if (journal is { StopTicks: > 0 })
        {
            stopTicks = journal.StopTicks;
            w.StopSource = StopSource.Journal;
        }
        else
        {
            long ruleDistance = StopDistance(w.Ctx, entry, out bool fromRule);
            stopTicks = Math.Max(1, entry - sign * ruleDistance);
            w.StopSource = fromRule ? StopSource.StopRule : StopSource.Fallback;
            if (distance <= 0) distance = ruleDistance;
        }
        if (distance <= 0)
        {
            long toStop = (entry - stopTicks) * sign;
            distance = toStop > 0 ? toStop : StopDistance(w.Ctx, entry, out _);
        }
        return (stopTicks, Math.Max(1, distance));
    }

    private static long PriceOf(ManagedOrder order) => order.Request.Type == OrderType.Limit ? order.PriceTicks : order.TriggerTicks;

    /// <summary>Rule (b) without a position: every Smallfish order of the symbol is adopted (so a late report still finds it) and cancelled.</summary>
    private void AdoptForCancel(RecoveryWork w, ReconciliationInput input, List<(SymbolContext, ManagedOrder, RecoveryCancelReason)> cancels,
        ReconciliationReport report, long nowNs)
    {
        foreach (var o in w.Orders)
        {
            var m = Adopt(w.Ctx, o, input, 0, nowNs, report);
            cancels.Add((w.Ctx, m, m.Role == OrderRole.Entry ? RecoveryCancelReason.StaleEntry : RecoveryCancelReason.NoPosition));
        }
        if (w.Replay?.Position is { } p)
        {
            report.WarningsList.Add($"{w.Ctx.Symbol}: the journal's {p.Side} position of {p.QtyLots} lots is flat on the exchange and no execution closed it: nothing booked");
        }
    }

    /// <summary>
    /// Starts tracking one of the exchange's open Smallfish orders. A close-position order covers the exchange's
    /// position (<paramref name="positionLots"/>) whatever size the venue shows for it.
    /// </summary>
    private ManagedOrder Adopt(SymbolContext ctx, ExchangeOpenOrder o, ReconciliationInput input, long positionLots, long nowNs, ReconciliationReport report)
    {
        ClientOrderId.TryParse(o.ClientOrderId, out var parts);
        KnownOrder? known = null;
        foreach (var k in input.Journal.OpenOrders)
        {
            if (k.ClientOrderId == o.ClientOrderId)
            {
                known = k;
                break;
            }
        }
        bool conditional = o.Type.IsConditional();
        long price = conditional ? o.TriggerTicks : o.PriceTicks;
        bool closes = o.ClosePosition && conditional;
        long qty = closes ? o.FilledLots + Math.Max(o.OpenLots, positionLots) : o.QtyLots;
        var request = new OrderRequest(o.ClientOrderId, o.Symbol, o.Side, o.Type, o.TimeInForce, o.PriceTicks, qty, o.TriggerTicks,
            o.ReduceOnly || closes, parts.Role, closes);
        // An entry still fills until its cancel lands: a late fill is bracketed at the stop rule's distance.
        long distance = parts.Role == OrderRole.Entry ? StopDistance(ctx, price > 0 ? price : 1, out _) : 0;
        var status = o.Status == OrderStatus.PendingNew ? OrderStatus.New : o.Status;
        var m = _emitter.Adopt(request, status, o.FilledLots, o.ExchangeOrderId, ctx.Id, parts.Sequence, price, distance,
            known?.SentNs ?? nowNs, known is not null, nowNs);
        report.OrdersAdoptedList.Add(o.ClientOrderId);
        return m;
    }

    /// <summary>
    /// The stop distance for a position without a known stop: the stop rule at <paramref name="entryTicks"/> with the
    /// current volatility when the book and features are valid; else <c>Risk:Recovery:FallbackStopTicks</c>, or the
    /// rule's widest distance (<c>Risk:Stop:MaxBps</c> of the entry, at least <c>MinTicks</c>).
    /// </summary>
    private long StopDistance(SymbolContext ctx, long entryTicks, out bool fromRule)
    {
        ref readonly var features = ref _features.Get(ctx.Id);
        if (features.IsBookValid && features.MidTicks > 0)
        {
            fromRule = true;
            return ctx.Stop.DistanceTicks(entryTicks, features.RvShortBps);
        }
        fromRule = false;
        int fallback = ctx.Options.Risk.Recovery.FallbackStopTicks;
        if (fallback > 0) return fallback;
        long widest = (long)Math.Ceiling(entryTicks * ctx.Stop.MaxBps * 1e-4 - 1e-9);
        return Math.Max(Math.Max(1, ctx.Stop.MinTicks), widest);
    }

    /// <summary>The last price to judge a crossed stop by: the exchange's, else the engine's last trade, else its book mid, else 0.</summary>
    private static long ReferencePrice(SymbolContext ctx, ReconciliationInput input)
    {
        if (input.LastPriceTicks.TryGetValue(ctx.Symbol, out long px) && px > 0) return px;
        if (ctx.Brackets.LastTradeTicks > 0) return ctx.Brackets.LastTradeTicks;
        return ctx.Book.HasTwoSides ? (ctx.Book.BestBid + ctx.Book.BestAsk) / 2 : 0;
    }

    /// <summary>
    /// The bracket role <paramref name="m"/> can fill for a <paramref name="side"/> position: a reduce-only order on the
    /// exit side with something open, of the kind this engine sends for that role; null when it fits none.
    /// </summary>
    private static OrderRole? ProtectiveRole(ManagedOrder m, Side side, OrderType tpType, bool partialEnabled)
    {
        if (!m.Request.ReduceOnly || m.Side == side || m.OpenLots <= 0) return null;
        return m.Role switch
        {
            OrderRole.StopLoss when m.Request.Type == OrderType.StopMarket => OrderRole.StopLoss,
            OrderRole.TakeProfit when m.Request.Type == tpType => OrderRole.TakeProfit,
            OrderRole.PartialTakeProfit when m.Request.Type == tpType && partialEnabled => OrderRole.PartialTakeProfit,
            _ => null,
        };
    }

    /// <summary>Keeps the order covering most of the position; on a tie the latest (run, sequence, attempt).</summary>
    private static void Keep(ref ManagedOrder? kept, ManagedOrder candidate)
    {
        if (kept is null || candidate.OpenLots > kept.OpenLots || (candidate.OpenLots == kept.OpenLots && IsLater(candidate, kept))) kept = candidate;
    }

    private static bool IsLater(ManagedOrder a, ManagedOrder b)
    {
        ClientOrderId.TryParse(a.ClientOrderId, out var x);
        ClientOrderId.TryParse(b.ClientOrderId, out var y);
        if (x.Run != y.Run) return x.Run > y.Run;
        if (x.Sequence != y.Sequence) return x.Sequence > y.Sequence;
        return x.Attempt > y.Attempt;
    }
}
