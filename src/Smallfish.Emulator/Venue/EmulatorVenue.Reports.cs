using Smallfish.Core.Domain;
using Smallfish.Core.Time;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Venue;

/// <summary>The back office: books the simulated venue's reports into the registry and the accounts, then tells the listeners.</summary>
internal sealed partial class EmulatorVenue
{
    private const int MaxReportRounds = 64;
    private long _execIds;

    /// <summary>Books every pending report; orders that follow the position are resized in between (their reports are booked too).</summary>
    private void ProcessReports()
    {
        for (int round = 0; round < MaxReportRounds && (_pending.Count > 0 || _touched.Count > 0); round++)
        {
            var batch = _pending.ToArray();
            _pending.Clear();
            foreach (var report in batch)
            {
                if (report.IsUpdate) BookUpdate(report.Update);
                else if (report.IsFill) BookFill(report.Fill);
                else BookFunding(report.Funding);
            }
            var touched = _touched.ToArray();
            foreach (int symbolId in touched) SyncFollowers(symbolId);
            _timeline.RunThrough(_lastStampNs);
            if (_pending.Count > 0) continue;
            _touched.Clear();
            foreach (int symbolId in touched)
            {
                foreach (var l in _listeners) l.OnAccount(symbolId, "ORDER", 0m);
            }
        }
    }

    /// <summary>The first order update in the pending reports for <paramref name="venueId"/>, if any.</summary>
    private OrderUpdate? FirstUpdate(string venueId)
    {
        foreach (var r in _pending)
        {
            if (r.IsUpdate && r.VenueId == venueId) return r.Update;
        }
        return null;
    }

    /// <summary>Finds the order a report is about; an order still being placed is registered (and announced) now.</summary>
    private EmulatedOrder? Resolve(string venueId)
    {
        if (Orders.TryGetByVenueId(venueId, out var order)) return order;
        if (!_inflight.Remove(venueId, out order)) return null;
        Register(order);
        return order;
    }

    private void Register(EmulatedOrder order)
    {
        order.Status = OrderStatus.New;
        Orders.Add(order);
        Publish(order, OrderEventKind.Accepted);
    }

    private void BookUpdate(in OrderUpdate u)
    {
        string venueId = u.ClientOrderId;
        bool amended = _pendingAmends.Remove(venueId, out var amend);
        if (u.Reject == RejectReason.OrderNotFound)
        {
            _internalCancels.Remove(venueId);
            return; // a cancel or amend of something not working: nothing changed
        }
        var order = Resolve(venueId);
        if (order is null) return;
        if (order.ClosePosition && !IsTriggerOutcome(order, u, venueId)) return;
        if (amended && u.Reject is not (RejectReason.None or RejectReason.PostOnlyWouldTake)) return; // the venue refused the amend

        var before = order.Status;
        if (amended)
        {
            if (order.IsConditional) order.TriggerTicks = amend.Price > 0 ? amend.Price : order.TriggerTicks;
            else if (amend.Price > 0) order.PriceTicks = amend.Price;
            if (amend.Qty > 0) order.QtyLots = amend.Qty;
        }
        var status = u.Reject == RejectReason.PostOnlyWouldTake && u.Status is OrderStatus.Rejected or OrderStatus.Cancelled ? OrderStatus.Expired : u.Status;
        order.Status = status;
        order.Reject = u.Reject;
        order.FilledLots = u.FilledLots;
        order.FilledNotionalTicks = u.AvgPriceTicks * u.FilledLots;
        order.UpdatedMs = u.TsNs / TimeProviderExtensions.NsPerMs;
        OrderEventKind? kind = status switch
        {
            _ when amended => OrderEventKind.Amended,
            OrderStatus.Cancelled => OrderEventKind.Cancelled,
            OrderStatus.Expired or OrderStatus.Rejected => OrderEventKind.Expired,
            OrderStatus.Filled or OrderStatus.PartiallyFilled when status != before || u.FilledLots > 0 => OrderEventKind.Filled,
            _ => null,
        };
        if (!order.IsOpen) DetachFollower(order);
        if (kind is { } k) Publish(order, k);
    }

    /// <summary>
    /// For an order that follows the position: true when the update is something the client sees (the final state
    /// after its trigger, a cancel it asked for); false for the acknowledgements of our own arming, resizing and parking.
    /// </summary>
    private bool IsTriggerOutcome(EmulatedOrder order, in OrderUpdate u, string venueId)
    {
        if (_internalCancels.Remove(venueId)) return false;
        if (u.Status == OrderStatus.Rejected)
        {
            if (order.VenueId == venueId)
            {
                order.VenueId = null; // could not arm (would trigger at once): stays parked
                order.VenueQtyLots = 0;
            }
            return false;
        }
        return u.Status != OrderStatus.New; // (re)armed or resized: nothing the client sees; otherwise triggered or cancelled
    }

    private void BookFill(in Fill f)
    {
        var order = Resolve(f.ClientOrderId);
        if (order is null) return;
        long timeMs = f.TsNs / TimeProviderExtensions.NsPerMs;
        if (order.IsConditional && order.TriggerTimeMs == 0)
        {
            order.TriggerTimeMs = timeMs;
            if (order.ClosePosition) order.QtyLots = order.VenueQtyLots;
            if (order.Origin == OrderOrigin.BinanceAlgo)
            {
                order.ActualOrderId = Orders.NextId();
                Orders.MapActualId(order);
            }
            Publish(order, OrderEventKind.Triggered);
        }

        var spec = order.Spec;
        var account = Accounts[order.SymbolId];
        long before = account.Mirror.NetLots;
        if (before == 0) account.CurRealized = 0;
        decimal realized = account.Mirror.Apply(f.Side, f.PriceTicks, f.QtyLots) * spec.TickSize * spec.QtyStep;
        bool reduces = before != 0 && Math.Sign(before) != f.Side.Sign();
        long closed = reduces ? Math.Min(f.QtyLots, Math.Abs(before)) : 0;
        account.CurRealized += realized - f.Fee;
        account.UpdatedMs = timeMs;
        account.Seq++;

        order.FilledLots += f.QtyLots;
        order.FilledNotionalTicks += (decimal)f.PriceTicks * f.QtyLots;
        order.CumFee += f.Fee;
        order.Status = order.FilledLots >= order.QtyLots ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        order.UpdatedMs = timeMs;

        long mark = Markets[order.SymbolId].ValuationTicks(Book(order.SymbolId));
        decimal rate = spec.Notional(f.PriceTicks, f.QtyLots) is var notional && notional > 0 ? decimal.Round(f.Fee / notional, 6) : 0m;
        var execution = new WireExecution(++_execIds, f.ExecId, f.PriceTicks, f.QtyLots, f.Fee, rate, f.IsMaker, timeMs, closed, realized, account.Seq, mark);
        Orders.AddExecution(new ExecutionRecord(order, execution, order.ToWire(asActualOrder: true)));
        foreach (var l in _listeners) l.OnFill(order, execution);
        _touched.Add(order.SymbolId);
    }

    private void BookFunding(in FundingPayment p)
    {
        if (!TryGetSymbol(p.Symbol, out int symbolId)) return;
        var account = Accounts[symbolId];
        account.UpdatedMs = p.TsNs / TimeProviderExtensions.NsPerMs;
        account.CurRealized -= p.Amount;
        _fundingPaid += p.Amount;
        foreach (var l in _listeners) l.OnAccount(symbolId, "FUNDING_FEE", -p.Amount);
    }

    private void Publish(EmulatedOrder order, OrderEventKind kind)
    {
        foreach (var l in _listeners) l.OnOrder(order, kind);
    }
}
