using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Venue.Matching;

/// <summary>
/// What the matching engine does with a command when it arrives: checks and places new orders (resting, taking or
/// arming them), cancels, and amends (a price change or a size increase loses the queue place; a size decrease keeps
/// it).
/// </summary>
internal sealed class OrderEntry
{
    private readonly VenueState _state;
    private readonly ExecutionRecorder _recorder;
    private readonly TakerExecution _taker;

    public OrderEntry(VenueState state, ExecutionRecorder recorder, TakerExecution taker)
    {
        _state = state;
        _recorder = recorder;
        _taker = taker;
    }

    public void Execute(VenueCommand command, long tsNs)
    {
        switch (command.Kind)
        {
            case VenueCommandKind.Place:
                Place(command.Request!, tsNs);
                break;
            case VenueCommandKind.Cancel:
                Cancel(command.Symbol, command.ClientOrderId, tsNs);
                break;
            default:
                Amend(command.Symbol, command.ClientOrderId, command.PriceTicks, command.QtyLots, tsNs);
                break;
        }
    }

    private void Place(OrderRequest request, long tsNs)
    {
        if (!_state.TryGetSymbol(request.Symbol, out var symbol))
        {
            _recorder.Reject(request, RejectReason.Other, "unknown symbol", tsNs);
            return;
        }
        if (_state.Orders.ContainsKey(request.ClientOrderId))
        {
            _recorder.Reject(request, RejectReason.DuplicateClientOrderId, "duplicate client order id", tsNs);
            return;
        }
        if (_state.Faults.TryTakeReject(out var injected))
        {
            _recorder.Reject(request, injected, "injected fault", tsNs);
            return;
        }

        var order = new VenueOrder(request, symbol, _state.NextExchangeOrderId());
        var reason = OrderChecks.Validate(order, _state, out string message);
        if (reason != RejectReason.None)
        {
            _recorder.Reject(request, reason, message, tsNs);
            return;
        }
        _state.Orders.Add(request.ClientOrderId, order);

        switch (order.Type)
        {
            case OrderType.Market:
                _taker.ExecuteAndClose(order, limitTicks: 0, worstOfTicks: 0, tsNs);
                break;
            case OrderType.Limit:
                PlaceLimit(order, tsNs);
                break;
            default:
                symbol.Working.Add(order); // armed; triggers on trades
                _recorder.Update(order, OrderStatus.New, RejectReason.None, null, tsNs);
                break;
        }
        if (order.FilledLots > 0) _state.CancelStaleReduceOnly(symbol, _recorder, tsNs);
    }

    private void PlaceLimit(VenueOrder order, long tsNs)
    {
        var book = order.Symbol.Book;
        bool crosses = OrderChecks.Crosses(order.Side, order.PriceTicks, book);
        switch (order.Request.TimeInForce)
        {
            case TimeInForce.PostOnly when crosses:
                _recorder.Update(order, OrderStatus.Expired, RejectReason.PostOnlyWouldTake, "post-only order would take liquidity", tsNs);
                return;
            case TimeInForce.ImmediateOrCancel:
                _taker.ExecuteAndClose(order, order.PriceTicks, worstOfTicks: 0, tsNs);
                return;
            case TimeInForce.FillOrKill:
                if (CanFillCompletely(order))
                    _taker.ExecuteAndClose(order, order.PriceTicks, worstOfTicks: 0, tsNs);
                else
                    _recorder.Update(order, OrderStatus.Expired, RejectReason.NoLiquidity, "fill-or-kill could not fill completely", tsNs);
                return;
        }

        // Post-only that does not cross, or GTC: take what crosses, rest the rest at the back of its level.
        if (crosses) _taker.Take(order, out _, order.PriceTicks, worstOfTicks: 0, tsNs);
        if (order.RemainingLots == 0)
        {
            _recorder.Update(order, OrderStatus.Filled, RejectReason.None, null, tsNs);
            return;
        }
        _state.Rest(order);
        _recorder.Update(order, order.WorkingStatus, RejectReason.None, null, tsNs);
    }

    private bool CanFillCompletely(VenueOrder order)
    {
        long need = order.RemainingLots;
        if (order.ReduceOnly && order.Symbol.Position.ReducibleBy(order.Side) < need) return false;
        if (_state.Faults.CapFill(need) < need) return false;
        return TakerExecution.Available(order.Symbol.Book, order.Side, order.PriceTicks) >= need;
    }

    private void Cancel(string symbol, string clientOrderId, long tsNs)
    {
        if (!TryGetWorking(symbol, clientOrderId, out var order))
        {
            _recorder.NotFound(symbol, clientOrderId, order, tsNs);
            return;
        }
        _recorder.Update(order!, OrderStatus.Cancelled, RejectReason.None, null, tsNs);
        VenueState.Compact(order!.Symbol);
    }

    private void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots, long tsNs)
    {
        if (!TryGetWorking(symbol, clientOrderId, out var found))
        {
            _recorder.NotFound(symbol, clientOrderId, found, tsNs);
            return;
        }
        var order = found!;
        if (newPriceTicks < 0 || newQtyLots < 0)
        {
            _recorder.Report(order, RejectReason.InvalidPriceOrQty, "amend rejected: negative price or quantity", tsNs);
            return;
        }
        long qty = newQtyLots > 0 && !order.ClosePosition ? newQtyLots : order.QtyLots; // a close-position order has no size to amend
        if (qty <= order.FilledLots)
        {
            _recorder.Report(order, RejectReason.InvalidPriceOrQty, "amend rejected: quantity not above the filled quantity", tsNs);
            return;
        }
        if (order.IsConditional) AmendConditional(order, newPriceTicks, qty, tsNs);
        else AmendLimit(order, newPriceTicks > 0 ? newPriceTicks : order.PriceTicks, qty, tsNs);
    }

    private void AmendConditional(VenueOrder order, long newTriggerTicks, long qty, long tsNs)
    {
        var spec = order.Symbol.Spec;
        long trigger = newTriggerTicks > 0 ? newTriggerTicks : order.TriggerTicks;
        if (!OrderChecks.MeetsMinimums(order, qty, spec.Price.ToDecimal(trigger), out string message))
        {
            _recorder.Report(order, RejectReason.InvalidPriceOrQty, "amend rejected: " + message, tsNs);
            return;
        }
        long last = order.Symbol.LastTradeTicks;
        if (last > 0 && OrderChecks.Triggers(order.Type, order.Side, trigger, last))
        {
            _recorder.Report(order, RejectReason.Other, "amend rejected: order would immediately trigger", tsNs);
            return;
        }
        order.TriggerTicks = trigger;
        order.QtyLots = qty;
        _recorder.Update(order, order.WorkingStatus, RejectReason.None, null, tsNs);
    }

    private void AmendLimit(VenueOrder order, long price, long qty, long tsNs)
    {
        var spec = order.Symbol.Spec;
        if (!OrderChecks.MeetsMinimums(order, qty, spec.Price.ToDecimal(price), out string message))
        {
            _recorder.Report(order, RejectReason.InvalidPriceOrQty, "amend rejected: " + message, tsNs);
            return;
        }
        bool priceChanged = price != order.PriceTicks;
        bool grows = qty > order.QtyLots;
        order.QtyLots = qty;
        if (!priceChanged)
        {
            if (grows) _state.Rest(order); // a larger order goes to the back; a smaller one keeps its place
            _recorder.Update(order, order.WorkingStatus, RejectReason.None, null, tsNs);
            return;
        }

        order.PriceTicks = price;
        if (OrderChecks.Crosses(order.Side, price, order.Symbol.Book))
        {
            if (order.Request.TimeInForce == TimeInForce.PostOnly)
            {
                // Binance cancels a post-only order whose amended price would take (binance-usdm.md §4.5).
                _recorder.Update(order, OrderStatus.Cancelled, RejectReason.PostOnlyWouldTake, "amended post-only order would take liquidity", tsNs);
                VenueState.Compact(order.Symbol);
                return;
            }
            _taker.Take(order, out _, price, worstOfTicks: 0, tsNs);
            if (order.RemainingLots == 0)
            {
                _recorder.Update(order, OrderStatus.Filled, RejectReason.None, null, tsNs);
                VenueState.Compact(order.Symbol);
                _state.CancelStaleReduceOnly(order.Symbol, _recorder, tsNs);
                return;
            }
        }
        _state.Rest(order); // a new price means a new place at the back of the new level
        _recorder.Update(order, order.WorkingStatus, RejectReason.None, null, tsNs);
        if (order.FilledLots > 0) _state.CancelStaleReduceOnly(order.Symbol, _recorder, tsNs);
    }

    private bool TryGetWorking(string symbol, string clientOrderId, out VenueOrder? order)
    {
        if (_state.Orders.TryGetValue(clientOrderId, out order) && order.Symbol.Name == symbol && !order.IsTerminal) return true;
        if (order is not null && order.Symbol.Name != symbol) order = null;
        return false;
    }
}
