using System.Globalization;
using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Venue;
using Smallfish.Wire.Bybit;

namespace Smallfish.Emulator.Bybit;

/// <summary>
/// Bybit v5 order endpoints (bybit-v5.md 4.8 to 4.11, 4.16), category linear, one-way mode. Create/amend/cancel answer
/// with ids only; the state travels on the private stream (a post-only order that would take is acknowledged, then
/// cancelled with <c>EC_PostOnlyWillTakeLiquidity</c>).
/// </summary>
internal sealed class BybitTradeHandlers
{
    private readonly EmulatorVenue _venue;

    public BybitTradeHandlers(EmulatorVenue venue) => _venue = venue;

    public void Map(RestRouter r)
    {
        r.Map("POST", "/v5/order/create", RestSecurity.Signed, Create);
        r.Map("POST", "/v5/order/amend", RestSecurity.Signed, Amend);
        r.Map("POST", "/v5/order/cancel", RestSecurity.Signed, Cancel);
        r.Map("POST", "/v5/order/cancel-all", RestSecurity.Signed, CancelAll);
        r.Map("GET", "/v5/order/realtime", RestSecurity.Signed, q => Orders(q, openOnly: true));
        r.Map("GET", "/v5/order/history", RestSecurity.Signed, q => Orders(q, openOnly: false));
        r.Map("GET", "/v5/execution/list", RestSecurity.Signed, Executions);
    }

    private RestReply Create(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (p.Str("category") != "linear") return Params(q, "category only support linear");
        if (p.Str("symbol") is not { } symbol || !_venue.TryGetSymbol(symbol, out int id)) return Params(q, "symbol invalid");
        var spec = _venue.Instruments[id];
        if (p.Int("positionIdx", 0) != 0) return Params(q, "position idx not match position mode");
        Side side;
        switch (p.Str("side"))
        {
            case "Buy": side = Side.Buy; break;
            case "Sell": side = Side.Sell; break;
            default: return Params(q, "side invalid");
        }
        string orderType = p.Str("orderType") ?? "";
        if (orderType is not ("Limit" or "Market")) return Params(q, "orderType invalid");
        // qty "0" + reduceOnly + closeOnTrigger closes the whole position (bybit-v5.md 4.8); any other qty 0 is invalid.
        bool closeAll = p.Str("qty") is "0" && p.Bool("reduceOnly") && p.Bool("closeOnTrigger");
        if (!BybitParams.TrySteps(p.Str("qty"), spec.Qty, out long lots) || (lots <= 0 && !closeAll)) return Params(q, "Qty invalid");
        long priceTicks = 0;
        if (orderType == "Limit" && (!BybitParams.TrySteps(p.Str("price"), spec.Price, out priceTicks) || priceTicks <= 0)) return Params(q, "price invalid");
        var tif = (orderType == "Market" ? "IOC" : p.Str("timeInForce") ?? "GTC") switch
        {
            "PostOnly" => (TimeInForce?)TimeInForce.PostOnly,
            "IOC" => TimeInForce.ImmediateOrCancel,
            "FOK" => TimeInForce.FillOrKill,
            "GTC" => TimeInForce.GoodTillCancel,
            _ => null,
        };
        if (tif is null) return Params(q, "timeInForce invalid");
        var type = orderType == "Limit" ? OrderType.Limit : OrderType.Market;
        long triggerTicks = 0;
        if (!string.IsNullOrEmpty(p.Str("triggerPrice")) && p.Str("triggerPrice") != "0")
        {
            if (type == OrderType.Limit) return Params(q, "conditional limit orders are not supported by the emulator");
            if (!BybitParams.TrySteps(p.Str("triggerPrice"), spec.Price, out triggerTicks) || triggerTicks <= 0) return Params(q, "triggerPrice invalid");
            int direction = p.Int("triggerDirection", 0);
            if (direction is not (1 or 2)) return Params(q, "triggerDirection invalid");
            type = (direction == 1) == (side == Side.Buy) ? OrderType.StopMarket : OrderType.TakeProfitMarket;
            tif = TimeInForce.GoodTillCancel;
        }
        if (closeAll && triggerTicks == 0) return Params(q, "the emulator closes a position with qty 0 only on a trigger (conditional order)");
        string link = p.Str("orderLinkId") ?? "";
        if (link.Length > 36) return Params(q, "orderLinkId is too long");
        bool reduceOnly = p.Bool("reduceOnly") || p.Bool("closeOnTrigger");
        var role = type is OrderType.StopMarket ? OrderRole.StopLoss : type is OrderType.TakeProfitMarket ? OrderRole.TakeProfit : reduceOnly ? OrderRole.Exit : OrderRole.Entry;
        string key = link.Length > 0 ? link : "bybit-auto-" + _venue.Orders.NextId().ToString(CultureInfo.InvariantCulture);
        var request = new OrderRequest(key, symbol, side, type, tif.Value, priceTicks, lots, triggerTicks, reduceOnly, role, ClosePosition: closeAll);
        var outcome = closeAll ? _venue.PlaceClosePosition(request, OrderOrigin.Client) : _venue.Place(request, OrderOrigin.Client, postOnlyRejectIsSynchronous: false);
        if (!outcome.Accepted) return outcome.Kind == OrderOutcomeKind.Duplicate ? BybitReplies.Error(BybitReplies.DuplicateLinkId, "OrderLinkedID is duplicate", q.NowMs) : BybitReplies.Refused(outcome.Reject, outcome.Message, q.NowMs);
        return Ack(q, outcome.Order!, link);
    }

    private RestReply Amend(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (p.Str("category") != "linear") return Params(q, "category only support linear");
        if (p.Str("symbol") is not { } symbol || !_venue.TryGetSymbol(symbol, out int id)) return Params(q, "symbol invalid");
        var spec = _venue.Instruments[id];
        long lots = 0, price = 0, trigger = 0;
        if (p.Str("qty") is { Length: > 0 } qty && !BybitParams.TrySteps(qty, spec.Qty, out lots)) return Params(q, "Qty invalid");
        if (p.Str("price") is { Length: > 0 } px && !BybitParams.TrySteps(px, spec.Price, out price)) return Params(q, "price invalid");
        if (p.Str("triggerPrice") is { Length: > 0 } tp && !BybitParams.TrySteps(tp, spec.Price, out trigger)) return Params(q, "triggerPrice invalid");
        var (link, orderId) = Ids(p);
        if (_venue.TryFind(symbol, link, orderId, out var known) && known.IsConditional) price = trigger;
        var outcome = _venue.Amend(symbol, link, orderId, price, lots);
        return outcome.Kind switch
        {
            OrderOutcomeKind.Accepted => Ack(q, outcome.Order!, outcome.Order!.ClientOrderId),
            OrderOutcomeKind.NotFound => BybitReplies.Error(BybitReplies.OrderNotExists, "order not exists or too late to replace", q.NowMs),
            _ => BybitReplies.Refused(outcome.Reject, outcome.Message, q.NowMs),
        };
    }

    private RestReply Cancel(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (p.Str("category") != "linear") return Params(q, "category only support linear");
        if (p.Str("symbol") is not { } symbol || !_venue.TryGetSymbol(symbol, out _)) return Params(q, "symbol invalid");
        var (link, orderId) = Ids(p);
        var outcome = _venue.Cancel(symbol, link, orderId);
        return outcome.Accepted
            ? Ack(q, outcome.Order!, outcome.Order!.ClientOrderId)
            : BybitReplies.Error(BybitReplies.OrderNotExists, "order not exists or too late to cancel", q.NowMs);
    }

    private RestReply CancelAll(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (p.Str("category") != "linear") return Params(q, "category only support linear");
        string? symbol = p.Str("symbol");
        if (symbol is not null && !_venue.TryGetSymbol(symbol, out _)) return Params(q, "symbol invalid");
        if (symbol is null && p.Str("settleCoin") is null && p.Str("baseCoin") is null) return Params(q, "symbol, baseCoin or settleCoin is required");
        string filter = p.Str("orderFilter") ?? "";
        Func<EmulatedOrder, bool> which = filter switch
        {
            "Order" => o => !o.IsConditional,
            "StopOrder" => o => o.IsConditional && o.Origin == OrderOrigin.Client,
            "tpslOrder" => o => o.Origin == OrderOrigin.BybitPositionStop,
            _ => _ => true,
        };
        var cancelled = new List<EmulatedOrder>();
        foreach (var spec in _venue.Instruments)
        {
            if (symbol is not null && spec.Symbol != symbol) continue;
            cancelled.AddRange(_venue.CancelAll(spec.Symbol, which));
        }
        return BybitReplies.Ok(q.NowMs, w =>
        {
            w.WriteStartArray("list"u8);
            foreach (var o in cancelled)
            {
                w.WriteStartObject();
                w.WriteString("orderId"u8, o.IdText);
                w.WriteString("orderLinkId"u8, o.ClientOrderId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("success"u8, "1"u8);
        });
    }

    private RestReply Orders(RestRequest q, bool openOnly)
    {
        var p = BybitParams.Of(q);
        if (p.Str("category") != "linear") return Params(q, "category only support linear");
        string? symbol = p.Str("symbol");
        if (symbol is null && p.Str("settleCoin") is null && p.Str("baseCoin") is null && p.Str("orderLinkId") is null && p.Str("orderId") is null)
            return Params(q, "symbol, baseCoin or settleCoin is required");
        var (link, orderId) = Ids(p);
        bool closedOnly = p.Int("openOnly", 0) != 0;
        int limit = Math.Clamp(p.Int("limit", 20), 1, 50);
        int offset = BybitMarketHandlers.Cursor(p.Str("cursor"));
        string filter = p.Str("orderFilter") ?? "";
        List<Wire.Writing.WireOrder> page;
        int total;
        lock (_venue.Gate)
        {
            var matches = _venue.Orders.All.Reverse()
                .Where(o => symbol is null || o.Symbol == symbol)
                .Where(o => string.IsNullOrEmpty(link) || o.ClientOrderId == link)
                .Where(o => orderId == 0 || o.Id == orderId)
                .Where(o => !openOnly || (closedOnly ? !o.IsOpen : o.IsOpen))
                .Where(o => filter switch
                {
                    "Order" => !o.IsConditional,
                    "StopOrder" => o.IsConditional && o.Origin == OrderOrigin.Client,
                    "tpslOrder" => o.Origin == OrderOrigin.BybitPositionStop,
                    _ => true,
                })
                .ToList();
            total = matches.Count;
            page = matches.Skip(offset).Take(limit).Select(o => o.ToWire()).ToList();
        }
        return BybitReplies.Ok(q.NowMs, w =>
        {
            w.WriteStartArray("list"u8);
            foreach (var o in page)
            {
                _venue.TryGetSymbol(o.Symbol, out int id);
                BybitObjectWriter.WriteOrder(w, o, _venue.Instruments[id], webSocket: false);
            }
            w.WriteEndArray();
            w.WriteString("nextPageCursor"u8, offset + limit < total ? (offset + limit).ToString(CultureInfo.InvariantCulture) : "");
            w.WriteString("category"u8, "linear"u8);
        });
    }

    private RestReply Executions(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (p.Str("category") != "linear") return Params(q, "category only support linear");
        string? symbol = p.Str("symbol");
        var (link, orderId) = Ids(p);
        long start = p.Long("startTime"), end = p.Long("endTime");
        if (start == 0) start = q.NowMs - 7L * 24 * 3600 * 1000;
        if (end == 0) end = long.MaxValue;
        int limit = Math.Clamp(p.Int("limit", 50), 1, 100);
        int offset = BybitMarketHandlers.Cursor(p.Str("cursor"));
        List<ExecutionRecord> page;
        int total;
        lock (_venue.Gate)
        {
            var matches = _venue.Orders.Executions.Reverse()
                .Where(e => symbol is null || e.Order.Symbol == symbol)
                .Where(e => string.IsNullOrEmpty(link) || e.Order.ClientOrderId == link)
                .Where(e => orderId == 0 || e.Order.Id == orderId)
                .Where(e => e.Execution.TimeMs >= start && e.Execution.TimeMs <= end)
                .ToList();
            total = matches.Count;
            page = matches.Skip(offset).Take(limit).ToList();
        }
        return BybitReplies.Ok(q.NowMs, w =>
        {
            w.WriteStartArray("list"u8);
            foreach (var e in page) BybitObjectWriter.WriteExecution(w, e.OrderAfter, e.Execution, e.Order.Spec, webSocket: false);
            w.WriteEndArray();
            w.WriteString("nextPageCursor"u8, offset + limit < total ? (offset + limit).ToString(CultureInfo.InvariantCulture) : "");
            w.WriteString("category"u8, "linear"u8);
        });
    }

    private static RestReply Ack(RestRequest q, EmulatedOrder order, string link) => BybitReplies.Ok(q.NowMs, w =>
    {
        w.WriteString("orderId"u8, order.IdText);
        w.WriteString("orderLinkId"u8, link);
    });

    /// <summary>orderLinkId and the numeric id hidden in an emulator orderId (its last 12 hex digits).</summary>
    private static (string? Link, long OrderId) Ids(BybitParams p)
    {
        string? link = p.Str("orderLinkId");
        long id = 0;
        if (p.Str("orderId") is { Length: >= 12 } text)
            long.TryParse(text.AsSpan(text.Length - 12), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out id);
        return (string.IsNullOrEmpty(link) ? null : link, id);
    }

    private static RestReply Params(RestRequest q, string message) => BybitReplies.Error(BybitReplies.ParamsError, "params error: " + message, q.NowMs);
}
