using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Execution;

namespace Smallfish.Core.Brackets;

/// <summary>Placing, resizing and replacing the bracket orders.</summary>
public sealed partial class BracketManager
{
    private void SyncOrders(long nowNs)
    {
        var p = Position;
        if (p is null) return;
        // A bracket order that ended filled while its fills are still on the way: the position booked here is about to
        // shrink (or close), so replacing a take-profit or a stop for it now would only send orders the venue refuses.
        if (AwaitingAnnouncedFills(nowNs)) return;
        SyncStop(p, nowNs);
        if (Position is null) return;
        if (PendingExit is not null)
        {
            SendExit(nowNs);
            return;
        }
        long partialOpen = SyncPartial(p, nowNs);
        SyncTakeProfit(p, p.QtyLots - partialOpen, nowNs);
    }

    private bool AwaitingAnnouncedFills(long nowNs) =>
        Awaits(StopOrder, nowNs) || Awaits(TakeProfitOrder, nowNs) || Awaits(PartialOrder, nowNs) || Awaits(ExitOrder, nowNs);

    private static bool Awaits(ManagedOrder? order, long nowNs) =>
        order is { IsTerminal: true } && order.Order.Status == OrderStatus.Filled && order.Order.FilledLots < order.ReportedFilledLots
        && nowNs - order.Order.UpdatedNs < AnnouncedFillWaitNs;

    private void SyncStop(Domain.Position p, long nowNs)
    {
        var stop = StopOrder;
        if (stop is { IsActive: true })
        {
            // A close-position stop covers the position as it is now: its tracked size follows without a command.
            OrderEmitter.Follow(stop, p.QtyLots);
            if (stop.OpenLots == p.QtyLots && stop.TriggerTicks == p.StopTicks)
            {
                // The engine's terms are the ones last sent. An amend still unanswered may have been lost on the way
                // (timeout, lost answer): send it again, so the venue's stop does not stay at the old terms.
                if (stop.PendingAmends > 0 && nowNs - stop.LastSentNs >= StopAmendRepeatNs) _emitter.RepeatAmend(stop, nowNs);
                return;
            }
            if (IsThrough(p.StopTicks, p.Side))
            {
                RequestExit(StopReason(), nowNs);
                return;
            }
            ShiftStop(stop, p, nowNs);
            return;
        }

        // No live stop: replace it, unless the stop price has traded or the exchange will not take it.
        bool hopeless = _stopRejects > 0 && (!_stopRetryable || _stopRejects >= 2);
        if (IsThrough(p.StopTicks, p.Side) || hopeless)
        {
            RequestExit(StopReason(), nowNs);
            return;
        }
        PlaceStop(p, nowNs);
    }

    /// <summary>
    /// Puts the live stop on the position's terms: an amend of its trigger (and, for a sized stop adopted from an earlier
    /// run, of its size), or, where the venue cannot amend a conditional order, a cancel followed at once by a new
    /// close-position stop (both on the gateway's protective lane, in that order).
    /// </summary>
    private void ShiftStop(ManagedOrder stop, Domain.Position p, long nowNs)
    {
        if (_stopMovesByReplace)
        {
            _emitter.Cancel(stop, nowNs);
            PlaceStop(p, nowNs);
            return;
        }
        _emitter.Amend(stop, p.StopTicks, stop.ClosesPosition ? 0 : stop.Order.FilledLots + p.QtyLots, nowNs);
    }

    /// <summary>
    /// Places the protective stop: a close-position StopMarket at the position's stop level. Its size is the venue's
    /// position when it triggers; the request's quantity is the position now, for the engine's books.
    /// </summary>
    private void PlaceStop(Domain.Position p, long nowNs)
    {
        var request = new OrderRequest(NextId(OrderRole.StopLoss), _spec.Symbol, p.Side.Opposite(), OrderType.StopMarket,
            TimeInForce.GoodTillCancel, 0, p.QtyLots, p.StopTicks, true, OrderRole.StopLoss, ClosePosition: true);
        StopOrder = _emitter.Place(request, _symbolId, Sequence, p.StopTicks, nowNs);
    }

    /// <summary>Keeps the partial take-profit in line; returns its open lots.</summary>
    private long SyncPartial(Domain.Position p, long nowNs)
    {
        var partial = PartialOrder;
        if (!_partialEnabled || _partialPriceTicks <= 0 || p.PartialTaken)
        {
            return partial is { IsActive: true } ? partial.OpenLots : 0;
        }
        long target = (long)Math.Floor(_partialFraction * _entryLots + 1e-9);
        long filled = partial?.Order.FilledLots ?? 0;
        long open = Math.Min(target - filled, p.QtyLots - 1);
        if (partial is { IsActive: true })
        {
            if (open < _spec.MinLots || open <= 0)
            {
                _emitter.Cancel(partial, nowNs);
                return 0;
            }
            if (partial.OpenLots != open) _emitter.Amend(partial, 0, partial.Order.FilledLots + open, nowNs);
            return open;
        }
        if (partial is not null && !partial.IsTerminal) return partial.OpenLots; // being cancelled
        if (partial is not null && partial.Order.Status == OrderStatus.Rejected) return 0; // refused once: the full take-profit covers it
        if (open < Math.Max(1, _spec.MinLots)) return 0;
        if (_tpKind == TakeProfitOrderKind.Market && IsReached(_partialPriceTicks, p.Side)) return 0; // would be refused
        PartialOrder = PlaceTakeProfitOrder(OrderRole.PartialTakeProfit, p, _partialPriceTicks, open, nowNs);
        return open;
    }

    private void SyncTakeProfit(Domain.Position p, long lots, long nowNs)
    {
        var tp = TakeProfitOrder;
        if (tp is { IsActive: true })
        {
            long price = _tpKind == TakeProfitOrderKind.Limit ? tp.PriceTicks : tp.TriggerTicks;
            if (lots <= 0)
            {
                _emitter.Cancel(tp, nowNs);
                return;
            }
            if (tp.OpenLots == lots && price == p.TakeProfitTicks) return;
            _emitter.Amend(tp, p.TakeProfitTicks, tp.Order.FilledLots + lots, nowNs);
            return;
        }
        if (tp is not null && !tp.IsTerminal) return; // being cancelled; replaced once it is gone
        if (lots < Math.Max(1, _spec.MinLots) || _tpRejects >= 3) return;
        if (_tpKind == TakeProfitOrderKind.Market && IsReached(p.TakeProfitTicks, p.Side))
        {
            RequestExit(ExitReason.TakeProfit, nowNs); // a trigger already passed would be refused: take it now
            return;
        }
        TakeProfitOrder = PlaceTakeProfitOrder(OrderRole.TakeProfit, p, p.TakeProfitTicks, lots, nowNs);
    }

    private ManagedOrder PlaceTakeProfitOrder(OrderRole role, Domain.Position p, long priceTicks, long lots, long nowNs)
    {
        var request = _tpKind == TakeProfitOrderKind.Limit
            ? new OrderRequest(NextId(role), _spec.Symbol, p.Side.Opposite(), OrderType.Limit, TimeInForce.GoodTillCancel,
                priceTicks, lots, 0, true, role)
            : new OrderRequest(NextId(role), _spec.Symbol, p.Side.Opposite(), OrderType.TakeProfitMarket, TimeInForce.GoodTillCancel,
                0, lots, priceTicks, true, role);
        return _emitter.Place(request, _symbolId, Sequence, priceTicks, nowNs);
    }

    private void SendExit(long nowNs)
    {
        var p = Position;
        if (p is null || p.QtyLots == 0) return;
        if (ExitOrder is { IsTerminal: false }) return;
        if (nowNs < _exitNotBeforeNs) return;
        if (++_exitAttempts > MaxExitAttempts) ProtectionFailed = true;
        var side = p.Side.Opposite();
        long intended = EntryPricing.FarTouch(_book, side);
        var request = new OrderRequest(NextId(OrderRole.Exit), _spec.Symbol, side, OrderType.Market, TimeInForce.ImmediateOrCancel,
            0, p.QtyLots, 0, true, OrderRole.Exit);
        ExitOrder = _emitter.Place(request, _symbolId, Sequence, intended, nowNs);
    }

    /// <summary>True when the last trade is at or through a stop at <paramref name="stopTicks"/> protecting a <paramref name="side"/> position.</summary>
    private bool IsThrough(long stopTicks, Side side) =>
        LastTradeTicks > 0 && (LastTradeTicks - stopTicks) * side.Sign() <= 0;

    /// <summary>True when the last trade is at or beyond a profit target at <paramref name="targetTicks"/> of a <paramref name="side"/> position.</summary>
    private bool IsReached(long targetTicks, Side side) =>
        LastTradeTicks > 0 && (LastTradeTicks - targetTicks) * side.Sign() >= 0;

    private string NextId(OrderRole role)
    {
        // Attempts restart with each position; skip any id this run already used (a position taken over at a restart
        // and a late fill of an old entry may bring a sequence back).
        string id;
        do id = ClientOrderId.Create(_run, _symbolId, Sequence, role, _attempts[(int)role]++);
        while (_emitter.WasSent(id));
        return id;
    }
}
