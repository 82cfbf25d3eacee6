using System.Globalization;
using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Venue;
using Smallfish.Wire.Binance;

namespace Smallfish.Emulator.Binance;

/// <summary>
/// Binance USD-M order endpoints (binance-usdm.md 4.3 to 4.6): LIMIT / MARKET on <c>/fapi/v1/order</c> (conditional
/// types answer -4120), conditional orders on <c>/fapi/v1/algoOrder</c>, one-way mode. A post-only (GTX) order that
/// would take is refused synchronously with -5022 and never recorded.
/// </summary>
internal sealed partial class BinanceTradeHandlers
{
    private const string OrderPath = "/fapi/v1/order";
    private const string AlgoPath = "/fapi/v1/algoOrder";
    private readonly EmulatorVenue _venue;

    public BinanceTradeHandlers(EmulatorVenue venue) => _venue = venue;

    public void Map(RestRouter r)
    {
        r.Map("POST", OrderPath, RestSecurity.Signed, NewOrder);
        r.Map("PUT", OrderPath, RestSecurity.Signed, Modify);
        r.Map("DELETE", OrderPath, RestSecurity.Signed, Cancel);
        r.Map("GET", OrderPath, RestSecurity.Signed, Query);
        r.Map("DELETE", "/fapi/v1/allOpenOrders", RestSecurity.Signed, q => CancelAll(q, algo: false));
        r.Map("GET", "/fapi/v1/openOrders", RestSecurity.Signed, q => OpenOrders(q, algo: false));
        r.Map("GET", "/fapi/v1/userTrades", RestSecurity.Signed, UserTrades);
        r.Map("POST", AlgoPath, RestSecurity.Signed, NewAlgo);
        r.Map("DELETE", AlgoPath, RestSecurity.Signed, CancelAlgo);
        r.Map("GET", AlgoPath, RestSecurity.Signed, QueryAlgo);
        r.Map("DELETE", "/fapi/v1/algoOpenOrders", RestSecurity.Signed, q => CancelAll(q, algo: true));
        r.Map("GET", "/fapi/v1/openAlgoOrders", RestSecurity.Signed, q => OpenOrders(q, algo: true));
    }

    private RestReply NewOrder(RestRequest q)
    {
        if (!TrySymbol(q, out int id, out string symbol)) return BinanceReplies.InvalidSymbol();
        var spec = _venue.Instruments[id];
        if (!TrySide(q, out var side)) return BinanceReplies.Mandatory("side");
        if (q.Param("positionSide") is { } ps && ps != "BOTH") return BinanceReplies.Error(400, -4061, "Order's position side does not match user's setting.");
        OrderType type;
        switch (q.Param("type"))
        {
            case "LIMIT": type = OrderType.Limit; break;
            case "MARKET": type = OrderType.Market; break;
            case "STOP" or "STOP_MARKET" or "TAKE_PROFIT" or "TAKE_PROFIT_MARKET" or "TRAILING_STOP_MARKET":
                return BinanceReplies.Error(400, -4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.");
            case null: return BinanceReplies.Mandatory("type");
            default: return BinanceReplies.Error(400, -1116, "Invalid orderType.");
        }
        if (!BinanceParams.TrySteps(q.Param("quantity"), spec.Qty, out long lots, out bool qtyOffGrid) || lots <= 0)
            return qtyOffGrid ? BinanceReplies.Error(400, -4023, "Quantity not increased by step size.") : BinanceReplies.Mandatory("quantity");
        long price = 0;
        var tif = TimeInForce.GoodTillCancel;
        if (type == OrderType.Limit)
        {
            if (!BinanceParams.TrySteps(q.Param("price"), spec.Price, out price, out bool priceOffGrid) || price <= 0)
                return priceOffGrid ? BinanceReplies.Error(400, -4014, "Price not increased by tick size.") : BinanceReplies.Mandatory("price");
            switch (q.Param("timeInForce"))
            {
                case "GTC": tif = TimeInForce.GoodTillCancel; break;
                case "GTX": tif = TimeInForce.PostOnly; break;
                case "IOC": tif = TimeInForce.ImmediateOrCancel; break;
                case "FOK": tif = TimeInForce.FillOrKill; break;
                case null: return BinanceReplies.Mandatory("timeInForce");
                default: return BinanceReplies.Error(400, -1115, "Invalid timeInForce.");
            }
        }
        else
        {
            tif = TimeInForce.ImmediateOrCancel;
        }
        string clientId = q.Param("newClientOrderId") is { Length: > 0 } c ? c : "emu" + _venue.Orders.NextId().ToString(CultureInfo.InvariantCulture);
        if (clientId.Length > 36) return BinanceReplies.Error(400, -1100, "Illegal characters found in parameter 'newClientOrderId'.");
        bool reduceOnly = BinanceParams.Bool(q, "reduceOnly");
        var request = new OrderRequest(clientId, symbol, side, type, tif, price, lots, 0, reduceOnly, reduceOnly ? OrderRole.Exit : OrderRole.Entry);
        var outcome = _venue.Place(request, OrderOrigin.Client, postOnlyRejectIsSynchronous: true);
        if (!outcome.Accepted) return BinanceReplies.Refused(outcome.Reject, outcome.Message);
        return OrderObject(outcome.Order!);
    }

    private RestReply Modify(RestRequest q)
    {
        if (!TrySymbol(q, out int id, out string symbol)) return BinanceReplies.InvalidSymbol();
        var spec = _venue.Instruments[id];
        if (!TrySide(q, out var side)) return BinanceReplies.Mandatory("side");
        if (!BinanceParams.TrySteps(q.Param("quantity"), spec.Qty, out long lots, out bool qtyOff) || lots <= 0)
            return qtyOff ? BinanceReplies.Error(400, -4023, "Quantity not increased by step size.") : BinanceReplies.Mandatory("quantity");
        if (!BinanceParams.TrySteps(q.Param("price"), spec.Price, out long price, out bool priceOff) || price <= 0)
            return priceOff ? BinanceReplies.Error(400, -4014, "Price not increased by tick size.") : BinanceReplies.Mandatory("price");
        var (clientId, orderId) = Ids(q, "origClientOrderId", "orderId");
        if (!Find(symbol, clientId, orderId, algo: false, out var order)) return BinanceReplies.NoSuchOrder();
        if (order.Side != side) return BinanceReplies.Error(400, -4002, "Side does not match the original order.");
        if (order.Type != OrderType.Limit) return BinanceReplies.Error(400, -4028, "Only limit orders can be modified.");
        var outcome = _venue.Amend(symbol, order.Key, 0, price, lots);
        return outcome.Kind switch
        {
            OrderOutcomeKind.Accepted => OrderObject(outcome.Order!),
            OrderOutcomeKind.NotFound => BinanceReplies.UnknownOrder(),
            _ => BinanceReplies.Refused(outcome.Reject, outcome.Message),
        };
    }

    private RestReply Cancel(RestRequest q)
    {
        if (!TrySymbol(q, out _, out string symbol)) return BinanceReplies.InvalidSymbol();
        var (clientId, orderId) = Ids(q, "origClientOrderId", "orderId");
        if (!Find(symbol, clientId, orderId, algo: false, out var order)) return BinanceReplies.UnknownOrder();
        var outcome = _venue.Cancel(symbol, order.Key, 0);
        return outcome.Accepted ? OrderObject(outcome.Order!) : BinanceReplies.UnknownOrder();
    }

    private RestReply Query(RestRequest q)
    {
        if (!TrySymbol(q, out _, out string symbol)) return BinanceReplies.InvalidSymbol();
        var (clientId, orderId) = Ids(q, "origClientOrderId", "orderId");
        if (!Find(symbol, clientId, orderId, algo: false, out var order)) return BinanceReplies.NoSuchOrder();
        return OrderObject(order, withTime: true);
    }

    private RestReply CancelAll(RestRequest q, bool algo)
    {
        if (!TrySymbol(q, out _, out string symbol)) return BinanceReplies.InvalidSymbol();
        _venue.CancelAll(symbol, o => (o.Origin == OrderOrigin.BinanceAlgo) == algo);
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code"u8, 200);
            w.WriteString("msg"u8, "The operation of cancel all open order is done."u8);
            w.WriteEndObject();
        });
    }

    private RestReply OpenOrders(RestRequest q, bool algo)
    {
        string? symbol = q.Param("symbol");
        if (symbol is not null && !_venue.TryGetSymbol(symbol, out _)) return BinanceReplies.InvalidSymbol();
        List<(Wire.Writing.WireOrder Order, EmulatedOrder Source)> open;
        lock (_venue.Gate)
        {
            open = _venue.Orders.All
                .Where(o => o.IsOpen && (o.Origin == OrderOrigin.BinanceAlgo) == algo && (symbol is null || o.Symbol == symbol))
                .Where(o => o.Origin != OrderOrigin.BybitPositionStop)
                .Select(o => (o.ToWire(), o)).ToList();
        }
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var (wire, source) in open)
            {
                if (algo) BinanceObjectWriter.WriteAlgoOrder(w, wire, source.Spec, source.TriggerTimeMs);
                else BinanceObjectWriter.WriteOrder(w, wire, source.Spec, withTime: true);
            }
            w.WriteEndArray();
        });
    }

    private RestReply UserTrades(RestRequest q)
    {
        if (!TrySymbol(q, out _, out string symbol)) return BinanceReplies.InvalidSymbol();
        long start = BinanceParams.Long(q, "startTime"), end = BinanceParams.Long(q, "endTime"), orderId = BinanceParams.Long(q, "orderId");
        int limit = Math.Clamp(BinanceParams.Int(q, "limit", 500), 1, 1000);
        List<ExecutionRecord> rows;
        lock (_venue.Gate)
        {
            rows = _venue.Orders.Executions
                .Where(e => e.Order.Symbol == symbol && (start == 0 || e.Execution.TimeMs >= start) && (end == 0 || e.Execution.TimeMs <= end))
                .Where(e => orderId == 0 || e.OrderAfter.OrderId == orderId)
                .TakeLast(limit).ToList();
        }
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var e in rows) BinanceObjectWriter.WriteUserTrade(w, e.OrderAfter, e.Execution, e.Order.Spec);
            w.WriteEndArray();
        });
    }

    private bool Find(string symbol, string? clientId, long orderId, bool algo, out EmulatedOrder order)
    {
        lock (_venue.Gate)
        {
            bool found = _venue.TryFind(symbol, clientId, orderId, out order);
            return found && (order.Origin == OrderOrigin.BinanceAlgo) == algo && order.Origin != OrderOrigin.BybitPositionStop;
        }
    }

    private RestReply OrderObject(EmulatedOrder order, bool withTime = false)
    {
        Wire.Writing.WireOrder wire;
        lock (_venue.Gate) wire = order.ToWire();
        return BinanceReplies.Ok(w => BinanceObjectWriter.WriteOrder(w, wire, order.Spec, withTime));
    }

    private bool TrySymbol(RestRequest q, out int id, out string symbol)
    {
        id = -1;
        symbol = q.Param("symbol") ?? "";
        return symbol.Length > 0 && _venue.TryGetSymbol(symbol, out id);
    }

    private static bool TrySide(RestRequest q, out Side side)
    {
        side = q.Param("side") == "SELL" ? Side.Sell : Side.Buy;
        return q.Param("side") is "BUY" or "SELL";
    }

    private static (string? ClientId, long Id) Ids(RestRequest q, string clientName, string idName)
    {
        string? client = q.Param(clientName);
        long id = long.TryParse(q.Param(idName), NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : 0;
        return (string.IsNullOrEmpty(client) ? null : client, id);
    }
}
