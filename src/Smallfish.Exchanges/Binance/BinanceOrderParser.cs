using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Binance;

/// <summary>Reads Binance order, algo order and trade objects (REST answers and user-data events).</summary>
internal static class BinanceOrderParser
{
    /// <summary>A REST order object (new / modify / cancel / query / open orders).</summary>
    public static ExchangeOrder ParseOrder(JsonElement o)
    {
        o.RequireObject("order");
        var tif = BinanceMapping.ParseTimeInForce(o.Str("timeInForce"));
        var (status, reject) = BinanceMapping.ParseStatus(o.ReqStr("status"), tif);
        string type = o.Has("origType") ? o.Str("origType") : o.ReqStr("type");
        long updated = o.Long("updateTime");
        return new ExchangeOrder(
            Symbol: o.ReqStr("symbol"),
            ClientOrderId: o.Str("clientOrderId"),
            ExchangeOrderId: o.ReqStr("orderId"),
            Side: BinanceMapping.ParseSide(o.ReqStr("side")),
            Type: BinanceMapping.ParseOrderType(type),
            TimeInForce: tif,
            Status: status,
            Price: o.Dec("price"),
            Qty: o.Dec("origQty"),
            FilledQty: o.Dec("executedQty"),
            AvgPrice: o.Dec("avgPrice"),
            TriggerPrice: o.Dec("stopPrice"),
            ReduceOnly: o.Bool("reduceOnly"),
            Reject: reject,
            RejectText: reject == RejectReason.None ? null : o.Str("status"),
            VenueType: type,
            CreatedMs: o.Has("time") ? o.Long("time") : updated,
            UpdatedMs: updated,
            ClosePosition: o.Bool("closePosition"));
    }

    /// <summary>
    /// A <c>batchOrders</c> answer: HTTP 200 with one item per request, each an order or a <c>{code,msg}</c> error.
    /// </summary>
    public static List<Results.ExchangeResult<ExchangeOrder>> ParseBatch(JsonElement root)
    {
        root.RequireArray("batch");
        var list = new List<Results.ExchangeResult<ExchangeOrder>>();
        foreach (var item in root.EnumerateArray())
        {
            if (item.Has("code") && !item.Has("orderId"))
            {
                int code = checked((int)item.Long("code"));
                var info = BinanceErrorMap.Instance.Classify(code);
                list.Add(Results.ExchangeResult<ExchangeOrder>.Fail(new Results.ExchangeError(code, item.Str("msg"), info.Reject, info.IsTransient, 200, info.OutcomeUnknown)));
            }
            else
            {
                list.Add(Results.ExchangeResult<ExchangeOrder>.Ok(ParseOrder(item)));
            }
        }
        return list;
    }

    /// <summary>A REST algo order (POST/GET /fapi/v1/algoOrder).</summary>
    public static ExchangeOrder ParseAlgoOrder(JsonElement o)
    {
        o.RequireObject("algo order");
        string type = o.ReqStr("orderType");
        var (status, reject) = BinanceMapping.ParseAlgoStatus(o.ReqStr("algoStatus"), 0m);
        return new ExchangeOrder(
            Symbol: o.ReqStr("symbol"),
            ClientOrderId: o.Str("clientAlgoId"),
            ExchangeOrderId: o.ReqStr("algoId"),
            Side: BinanceMapping.ParseSide(o.ReqStr("side")),
            Type: BinanceMapping.ParseOrderType(type),
            TimeInForce: BinanceMapping.ParseTimeInForce(o.Str("timeInForce")),
            Status: status,
            Price: o.Dec("price"),
            Qty: o.Dec("quantity"),
            FilledQty: 0m,
            AvgPrice: 0m,
            TriggerPrice: o.Dec("triggerPrice"),
            ReduceOnly: o.Bool("reduceOnly") || o.Bool("closePosition"),
            Reject: reject,
            RejectText: null,
            VenueType: type,
            CreatedMs: o.Long("createTime"),
            UpdatedMs: o.Long("updateTime"),
            ClosePosition: o.Bool("closePosition"));
    }

    /// <summary>The answer of DELETE /fapi/v1/algoOrder (<c>algoId, clientAlgoId, code, msg</c>): an acknowledgement only.</summary>
    public static ExchangeOrder ParseAlgoCancel(JsonElement o, string symbol)
    {
        o.RequireObject("algo cancel");
        return new ExchangeOrder(symbol, o.Str("clientAlgoId"), o.ReqStr("algoId"), Side.Buy, OrderType.StopMarket, TimeInForce.GoodTillCancel,
            OrderStatus.PendingCancel, 0m, 0m, 0m, 0m, 0m, false, RejectReason.None, null, "ALGO", 0, 0, IsAckOnly: true);
    }

    /// <summary>A REST account trade (GET /fapi/v1/userTrades).</summary>
    public static ExchangeFill ParseUserTrade(JsonElement t)
    {
        t.RequireObject("trade");
        return new ExchangeFill(
            Symbol: t.ReqStr("symbol"),
            ExecId: t.ReqStr("id"),
            ExchangeOrderId: t.ReqStr("orderId"),
            ClientOrderId: "",
            Side: BinanceMapping.ParseSide(t.ReqStr("side")),
            Price: t.Dec("price"),
            Qty: t.Dec("qty"),
            Fee: t.Dec("commission"),
            FeeAsset: t.Str("commissionAsset"),
            FeeKnown: true,
            IsMaker: t.Bool("maker"),
            TimeMs: t.Long("time"),
            ExecType: "TRADE",
            RealizedPnl: t.Dec("realizedPnl"));
    }
}
