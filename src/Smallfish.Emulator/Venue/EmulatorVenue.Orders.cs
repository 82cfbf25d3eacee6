using Smallfish.Core.Domain;

namespace Smallfish.Emulator.Venue;

/// <summary>Order entry: place, amend, cancel, cancel-all, executed at once and answered with what happened.</summary>
internal sealed partial class EmulatorVenue
{
    /// <summary>Set by the emulator: faults that change how the next orders are treated.</summary>
    public Faults.EmulatorFaults? Faults { get; set; }

    /// <summary>
    /// Places an order. <paramref name="postOnlyRejectIsSynchronous"/> (Binance) turns a post-only order that would
    /// take into a refusal that is never recorded; without it (Bybit) the order is accepted and then expires on the
    /// private stream.
    /// </summary>
    public OrderOutcome Place(OrderRequest request, OrderOrigin origin, bool postOnlyRejectIsSynchronous)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            Orders.CountCreate(request.ClientOrderId);
            CatchUp();
            if (!TryGetSymbol(request.Symbol, out int symbolId)) return OrderOutcome.Refused(RejectReason.Other, "unknown symbol");
            if (Orders.Contains(request.ClientOrderId))
            {
                Orders.CountDuplicate(request.ClientOrderId);
                return OrderOutcome.Duplicate();
            }
            if (request.TimeInForce == TimeInForce.PostOnly && Faults?.TakePostOnlyReject() == true) _venue.Faults.RejectNext(1, RejectReason.PostOnlyWouldTake);
            else if (!request.ReduceOnly && Faults?.TakeMarginReject() == true) _venue.Faults.RejectNext(1, RejectReason.InsufficientMargin);

            var order = new EmulatedOrder(request.ClientOrderId, request.ClientOrderId, Orders.NextId(), symbolId, Instruments[symbolId], request, origin, StampMs())
            {
                VenueId = request.ClientOrderId,
            };
            _inflight[request.ClientOrderId] = order;
            _venue.Place(request);
            _timeline.RunThrough(Stamp());

            var first = FirstUpdate(request.ClientOrderId);
            if (first is { } u && IsSynchronousRefusal(u, postOnlyRejectIsSynchronous))
            {
                _inflight.Remove(request.ClientOrderId);
                _pending.RemoveAll(r => r.VenueId == request.ClientOrderId); // never recorded, never published
                ProcessReports();
                return u.Reject == RejectReason.DuplicateClientOrderId ? OrderOutcome.Duplicate() : OrderOutcome.Refused(u.Reject, u.Message ?? "rejected");
            }
            ProcessReports();
            if (_inflight.Remove(request.ClientOrderId, out var unannounced)) Register(unannounced);
            return OrderOutcome.Ok(order);
        }
    }

    /// <summary>Amends price (trigger, for conditional orders) and/or quantity; 0 keeps a value.</summary>
    public OrderOutcome Amend(string symbol, string? clientOrderId, long orderId, long newPriceTicks, long newQtyLots)
    {
        lock (_gate)
        {
            CatchUp();
            if (!TryFind(symbol, clientOrderId, orderId, out var order) || !order.IsOpen || order.VenueId is null) return OrderOutcome.NotFound(order);
            if (order.ClosePosition)
            {
                return order.Origin == OrderOrigin.Client
                    ? AmendClosePosition(order, newPriceTicks, newQtyLots)
                    : OrderOutcome.Refused(RejectReason.Other, "a position stop cannot be amended this way");
            }
            string venueId = order.VenueId;
            _pendingAmends[venueId] = (newPriceTicks, newQtyLots);
            _venue.Amend(symbol, venueId, newPriceTicks, newQtyLots);
            _timeline.RunThrough(Stamp());
            var first = FirstUpdate(venueId);
            if (first is { Reject: RejectReason.OrderNotFound })
            {
                ProcessReports();
                return OrderOutcome.NotFound(order);
            }
            if (first is { } u && u.Reject is not (RejectReason.None or RejectReason.PostOnlyWouldTake))
            {
                ProcessReports();
                return OrderOutcome.Refused(u.Reject, u.Message ?? "amend rejected");
            }
            ProcessReports();
            return OrderOutcome.Ok(order);
        }
    }

    /// <summary>Cancels one order by client id or order id.</summary>
    public OrderOutcome Cancel(string symbol, string? clientOrderId, long orderId)
    {
        lock (_gate)
        {
            CatchUp();
            if (!TryFind(symbol, clientOrderId, orderId, out var order) || !order.IsOpen) return OrderOutcome.NotFound(order);
            var outcome = CancelCore(order);
            ProcessReports();
            return outcome;
        }
    }

    /// <summary>Cancels the open orders of a symbol that <paramref name="which"/> selects; returns the ones cancelled.</summary>
    public List<EmulatedOrder> CancelAll(string symbol, Func<EmulatedOrder, bool> which)
    {
        ArgumentNullException.ThrowIfNull(which);
        lock (_gate)
        {
            CatchUp();
            var cancelled = new List<EmulatedOrder>();
            foreach (var order in Orders.All.ToArray())
            {
                if (order.Symbol != symbol || !order.IsOpen || !which(order)) continue;
                if (CancelCore(order).Accepted) cancelled.Add(order);
            }
            ProcessReports();
            return cancelled;
        }
    }

    /// <summary>Finds an order of <paramref name="symbol"/> by client id (when given) or id.</summary>
    public bool TryFind(string symbol, string? clientOrderId, long orderId, out EmulatedOrder order)
    {
        bool found = !string.IsNullOrEmpty(clientOrderId) ? Orders.TryGet(clientOrderId, out order) : Orders.TryGet(orderId, out order);
        if (found && order.Symbol != symbol) found = false;
        return found;
    }

    /// <summary>Creates refused because an order with the client id already existed.</summary>
    public int Duplicates(string clientOrderId)
    {
        lock (_gate) return Orders.Duplicates(clientOrderId);
    }

    /// <summary>Creates received for a client order id (duplicates and refused ones included).</summary>
    public int Creates(string clientOrderId)
    {
        lock (_gate) return Orders.Creates(clientOrderId);
    }

    private OrderOutcome CancelCore(EmulatedOrder order)
    {
        if (order.VenueId is null)
        {
            order.Status = OrderStatus.Cancelled; // a parked position stop: nothing at the venue
            order.UpdatedMs = StampMs();
            DetachFollower(order);
            Publish(order, OrderEventKind.Cancelled);
            return OrderOutcome.Ok(order);
        }
        string venueId = order.VenueId;
        _venue.Cancel(order.Symbol, venueId);
        _timeline.RunThrough(Stamp());
        return FirstUpdate(venueId) is { Reject: RejectReason.OrderNotFound } ? OrderOutcome.NotFound(order) : OrderOutcome.Ok(order);
    }

    private static bool IsSynchronousRefusal(in OrderUpdate u, bool postOnlyRejectIsSynchronous)
    {
        if (u.Reject == RejectReason.PostOnlyWouldTake) return postOnlyRejectIsSynchronous;
        return u.Status == OrderStatus.Rejected && u.ExchangeOrderId is null;
    }

    /// <summary>Runs the venue up to now and books what that produced, before a command.</summary>
    private void CatchUp()
    {
        _timeline.RunThrough(Stamp());
        ProcessReports();
    }
}
