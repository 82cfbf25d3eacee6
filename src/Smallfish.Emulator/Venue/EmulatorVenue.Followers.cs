using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Venue;

/// <summary>
/// Orders that follow the position: Bybit position TP/SL (<c>/v5/position/trading-stop</c>, tpslMode Full), Bybit
/// conditional orders with <c>qty "0"</c> + <c>reduceOnly</c> + <c>closeOnTrigger</c> (bybit-v5.md 4.8: closes the
/// position, up to the max order qty) and Binance <c>closePosition</c> algo orders. Each is one reduce-only conditional order at the simulated venue whose size is
/// kept equal to the position it protects: armed when the position opens, resized when it changes, parked when it is
/// flat (Bybit clears the legs when the position closes). Only the trigger and its fills are shown to the client.
/// </summary>
internal sealed partial class EmulatorVenue
{
    /// <summary>
    /// Sets, moves or clears (<paramref name="triggerTicks"/> 0) one Bybit position TP/SL leg. Refused when flat (Bybit
    /// 10001) or when the trigger would fire at once.
    /// </summary>
    public OrderOutcome SetPositionStop(int symbolId, WireStopKind leg, long triggerTicks)
    {
        lock (_gate)
        {
            CatchUp();
            var account = Accounts[symbolId];
            var existing = leg == WireStopKind.StopLoss ? account.StopLoss : account.TakeProfit;
            if (triggerTicks <= 0)
            {
                if (existing is { IsOpen: true }) CancelCore(existing);
                SetLeg(account, leg, null);
                ProcessReports();
                return OrderOutcome.Ok(existing!);
            }
            long net = account.Mirror.NetLots;
            if (net == 0) return OrderOutcome.Refused(RejectReason.Other, "can not set tp/sl/ts for zero position");
            var side = net > 0 ? Side.Sell : Side.Buy;
            var type = leg == WireStopKind.StopLoss ? OrderType.StopMarket : OrderType.TakeProfitMarket;
            long last = Markets[symbolId].LastTradeTicks;
            if (last > 0 && Triggers(type, side, triggerTicks, last))
            {
                return OrderOutcome.Refused(RejectReason.InvalidPriceOrQty, leg == WireStopKind.StopLoss
                    ? "StopLoss set for the position would trigger immediately"
                    : "TakeProfit set for the position would trigger immediately");
            }
            if (existing is { IsOpen: true } && existing.Side == side)
            {
                existing.TriggerTicks = triggerTicks;
                if (existing.VenueId is not null) _venue.Amend(existing.Symbol, existing.VenueId, triggerTicks, 0);
                existing.UpdatedMs = StampMs();
                Publish(existing, OrderEventKind.Amended);
                ProcessReports();
                return OrderOutcome.Ok(existing);
            }
            if (existing is { IsOpen: true }) CancelCore(existing);
            string key = string.Create(CultureInfo.InvariantCulture, $"tpsl:{Instruments[symbolId].Symbol}:{leg}:{Orders.NextId()}");
            var request = new OrderRequest(key, Instruments[symbolId].Symbol, side, type, TimeInForce.GoodTillCancel, 0, Math.Abs(net), triggerTicks, true,
                leg == WireStopKind.StopLoss ? OrderRole.StopLoss : OrderRole.TakeProfit);
            var order = new EmulatedOrder(key, "", Orders.NextId(), symbolId, Instruments[symbolId], request, OrderOrigin.BybitPositionStop, StampMs())
            {
                ClosePosition = true,
                Stop = leg,
            };
            AddFollower(order);
            SetLeg(account, leg, order);
            ProcessReports();
            return OrderOutcome.Ok(order);
        }
    }

    /// <summary>
    /// Places a close-position conditional order: a Binance <c>closePosition</c> algo order (<paramref name="origin"/>
    /// <see cref="OrderOrigin.BinanceAlgo"/>) or a Bybit qty-0 close-on-trigger order (<see cref="OrderOrigin.Client"/>).
    /// It is parked while there is no position on the other side, and armed at the position's size when there is.
    /// </summary>
    public OrderOutcome PlaceClosePosition(OrderRequest request, OrderOrigin origin = OrderOrigin.BinanceAlgo)
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
            long last = Markets[symbolId].LastTradeTicks;
            if (last > 0 && Triggers(request.Type, request.Side, request.TriggerPriceTicks, last))
                return OrderOutcome.Refused(RejectReason.InvalidPriceOrQty, "Order would immediately trigger.");
            var order = new EmulatedOrder(request.ClientOrderId, request.ClientOrderId, Orders.NextId(), symbolId, Instruments[symbolId], request, origin, StampMs())
            {
                ClosePosition = true,
            };
            AddFollower(order);
            ProcessReports();
            return OrderOutcome.Ok(order);
        }
    }

    /// <summary>
    /// Moves the trigger of a Bybit close-on-trigger order (<c>/v5/order/amend</c> <c>triggerPrice</c>). Its size is the
    /// position's, so a qty amend is refused. Refused when the new trigger would fire at once.
    /// </summary>
    private OrderOutcome AmendClosePosition(EmulatedOrder order, long newTriggerTicks, long newQtyLots)
    {
        if (order.Origin != OrderOrigin.Client || newQtyLots > 0) return OrderOutcome.Refused(RejectReason.InvalidPriceOrQty, "the size of a position-closing order cannot be amended");
        if (newTriggerTicks <= 0 || newTriggerTicks == order.TriggerTicks) return OrderOutcome.Ok(order);
        long last = Markets[order.SymbolId].LastTradeTicks;
        if (last > 0 && Triggers(order.Type, order.Side, newTriggerTicks, last)) return OrderOutcome.Refused(RejectReason.Other, "order would immediately trigger");
        order.TriggerTicks = newTriggerTicks;
        if (order.VenueId is not null) _venue.Amend(order.Symbol, order.VenueId, newTriggerTicks, 0);
        order.UpdatedMs = StampMs();
        Publish(order, OrderEventKind.Amended);
        _timeline.RunThrough(Stamp());
        ProcessReports();
        return OrderOutcome.Ok(order);
    }

    private void AddFollower(EmulatedOrder order)
    {
        order.Status = OrderStatus.New;
        Orders.Add(order);
        Accounts[order.SymbolId].PositionFollowers.Add(order);
        Publish(order, OrderEventKind.Accepted);
        SyncFollowers(order.SymbolId);
        _timeline.RunThrough(Stamp());
    }

    /// <summary>Keeps every position-following order of a symbol sized to the position it protects.</summary>
    private void SyncFollowers(int symbolId)
    {
        var account = Accounts[symbolId];
        if (account.PositionFollowers.Count == 0) return;
        long net = account.Mirror.NetLots;
        foreach (var f in account.PositionFollowers.ToArray())
        {
            if (!f.IsOpen || f.TriggerTimeMs > 0) continue;
            long wanted = f.Side == Side.Sell ? Math.Max(0, net) : Math.Max(0, -net);
            if (wanted == 0)
            {
                if (f.VenueId is null) continue;
                ParkAtVenue(f);
                if (f.Origin == OrderOrigin.Client) f.QtyLots = 0; // a Bybit close-on-trigger order waits for the next position
                if (f.Origin == OrderOrigin.BybitPositionStop)
                {
                    f.Status = OrderStatus.Cancelled; // Bybit clears a position's TP/SL when the position closes
                    f.UpdatedMs = StampMs();
                    DetachFollower(f);
                    Publish(f, OrderEventKind.Cancelled);
                }
            }
            else if (f.VenueId is null)
            {
                string venueId = f.Key + "#" + (++f.VenueGeneration).ToString(CultureInfo.InvariantCulture);
                f.VenueId = venueId;
                f.VenueQtyLots = wanted;
                if (f.Origin != OrderOrigin.BinanceAlgo) f.QtyLots = wanted;
                Orders.MapVenueId(f, venueId);
                _venue.Place(new OrderRequest(venueId, f.Symbol, f.Side, f.Type, TimeInForce.GoodTillCancel, 0, wanted, f.TriggerTicks, true, f.Role));
            }
            else if (wanted != f.VenueQtyLots)
            {
                f.VenueQtyLots = wanted;
                if (f.Origin != OrderOrigin.BinanceAlgo) f.QtyLots = wanted;
                _venue.Amend(f.Symbol, f.VenueId, 0, wanted);
            }
        }
    }

    private void ParkAtVenue(EmulatedOrder f)
    {
        _internalCancels.Add(f.VenueId!);
        _venue.Cancel(f.Symbol, f.VenueId!);
        f.VenueId = null;
        f.VenueQtyLots = 0;
    }

    private void DetachFollower(EmulatedOrder order)
    {
        if (!order.ClosePosition) return;
        var account = Accounts[order.SymbolId];
        account.PositionFollowers.Remove(order);
        if (ReferenceEquals(account.StopLoss, order)) account.StopLoss = null;
        if (ReferenceEquals(account.TakeProfit, order)) account.TakeProfit = null;
    }

    private static void SetLeg(SymbolAccount account, WireStopKind leg, EmulatedOrder? order)
    {
        if (leg == WireStopKind.StopLoss) account.StopLoss = order;
        else account.TakeProfit = order;
    }

    /// <summary>The venue's trigger rule on the last price (see the simulated venue's order checks).</summary>
    private static bool Triggers(OrderType type, Side side, long triggerTicks, long priceTicks) =>
        (type == OrderType.StopMarket) == (side == Side.Buy) ? priceTicks >= triggerTicks : priceTicks <= triggerTicks;
}
