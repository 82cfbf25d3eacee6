using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Venue;
using Smallfish.Wire.Binance;

namespace Smallfish.Emulator.Binance;

/// <summary>
/// Conditional orders on the algo service (binance-usdm.md 4.4): STOP_MARKET / TAKE_PROFIT_MARKET with a quantity
/// (reduce-only checked at the trigger) or <c>closePosition</c> (follows the position), triggered on the last price.
/// </summary>
internal sealed partial class BinanceTradeHandlers
{
    private RestReply NewAlgo(RestRequest q)
    {
        if (q.Param("algoType") != "CONDITIONAL") return BinanceReplies.Mandatory("algoType");
        if (!TrySymbol(q, out int id, out string symbol)) return BinanceReplies.InvalidSymbol();
        var spec = _venue.Instruments[id];
        if (!TrySide(q, out var side)) return BinanceReplies.Mandatory("side");
        if (q.Param("positionSide") is { } ps && ps != "BOTH") return BinanceReplies.Error(400, -4061, "Order's position side does not match user's setting.");
        OrderType type;
        switch (q.Param("type"))
        {
            case "STOP_MARKET": type = OrderType.StopMarket; break;
            case "TAKE_PROFIT_MARKET": type = OrderType.TakeProfitMarket; break;
            case "STOP" or "TAKE_PROFIT" or "TRAILING_STOP_MARKET": return BinanceReplies.Error(400, -1116, "Invalid orderType: the emulator serves STOP_MARKET and TAKE_PROFIT_MARKET.");
            case null: return BinanceReplies.Mandatory("type");
            default: return BinanceReplies.Error(400, -1116, "Invalid orderType.");
        }
        if (!BinanceParams.TrySteps(q.Param("triggerPrice"), spec.Price, out long trigger, out bool off) || trigger <= 0)
            return off ? BinanceReplies.Error(400, -4014, "Price not increased by tick size.") : BinanceReplies.Mandatory("triggerPrice");
        bool closePosition = BinanceParams.Bool(q, "closePosition");
        long lots = 0;
        if (closePosition)
        {
            if (q.Param("quantity") is not null || q.Param("reduceOnly") is not null) return BinanceReplies.Error(400, -4136, "Target strategy invalid for orderType, closePosition can not be used with quantity or reduceOnly.");
        }
        else if (!BinanceParams.TrySteps(q.Param("quantity"), spec.Qty, out lots, out bool qtyOff) || lots <= 0)
        {
            return qtyOff ? BinanceReplies.Error(400, -4023, "Quantity not increased by step size.") : BinanceReplies.Mandatory("quantity");
        }
        string clientId = q.Param("clientAlgoId") is { Length: > 0 } c ? c : "emu-algo" + _venue.Orders.NextId().ToString(CultureInfo.InvariantCulture);
        var role = type == OrderType.StopMarket ? OrderRole.StopLoss : OrderRole.TakeProfit;
        var request = new OrderRequest(clientId, symbol, side, type, TimeInForce.GoodTillCancel, 0, lots, trigger, closePosition || BinanceParams.Bool(q, "reduceOnly"), role);
        var outcome = closePosition ? _venue.PlaceClosePosition(request) : _venue.Place(request, OrderOrigin.BinanceAlgo, postOnlyRejectIsSynchronous: true);
        if (!outcome.Accepted) return outcome.Kind == OrderOutcomeKind.Duplicate ? BinanceReplies.Error(400, -4116, "ClientOrderId is duplicated.") : BinanceReplies.Refused(outcome.Reject, outcome.Message);
        return AlgoObject(outcome.Order!);
    }

    private RestReply CancelAlgo(RestRequest q)
    {
        var (clientId, algoId) = Ids(q, "clientAlgoId", "algoId");
        if (!FindAlgo(clientId, algoId, out var order)) return BinanceReplies.UnknownOrder();
        var outcome = _venue.Cancel(order.Symbol, order.Key, 0);
        if (!outcome.Accepted) return BinanceReplies.UnknownOrder();
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("algoId"u8, order.Id);
            w.WriteString("clientAlgoId"u8, order.ClientOrderId);
            w.WriteString("code"u8, "200"u8);
            w.WriteString("msg"u8, "success"u8);
            w.WriteEndObject();
        });
    }

    private RestReply QueryAlgo(RestRequest q)
    {
        var (clientId, algoId) = Ids(q, "clientAlgoId", "algoId");
        return FindAlgo(clientId, algoId, out var order) ? AlgoObject(order) : BinanceReplies.NoSuchOrder();
    }

    private bool FindAlgo(string? clientId, long algoId, out EmulatedOrder order)
    {
        lock (_venue.Gate)
        {
            bool found = !string.IsNullOrEmpty(clientId) ? _venue.Orders.TryGet(clientId, out order) : _venue.Orders.TryGet(algoId, out order);
            return found && order.Origin == OrderOrigin.BinanceAlgo && order.Id == (algoId != 0 ? algoId : order.Id);
        }
    }

    private RestReply AlgoObject(EmulatedOrder order)
    {
        Wire.Writing.WireOrder wire;
        long triggered;
        lock (_venue.Gate)
        {
            wire = order.ToWire();
            triggered = order.TriggerTimeMs;
        }
        return BinanceReplies.Ok(w => BinanceObjectWriter.WriteAlgoOrder(w, wire, order.Spec, triggered));
    }
}
