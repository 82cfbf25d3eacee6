using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Bybit;

/// <summary>Reads Bybit order and execution objects: the same field set in REST lists and the private <c>order</c> / <c>execution</c> topics.</summary>
internal static class BybitOrderParser
{
    /// <summary>An order object (REST <c>/v5/order/realtime</c>, <c>/history</c>, WS <c>order</c>).</summary>
    public static ExchangeOrder ParseOrder(JsonElement o)
    {
        o.RequireObject("order");
        string rejectText = o.Str("rejectReason");
        var reject = BybitErrorMap.ClassifyRejectReason(rejectText);
        var status = BybitMapping.ParseStatus(o.ReqStr("orderStatus"), reject);
        string cancelType = o.Str("cancelType");
        string? text = reject != RejectReason.None ? rejectText
            : status == OrderStatus.Cancelled && cancelType.Length > 0 && cancelType != "UNKNOWN" ? cancelType
            : null;
        if (status is OrderStatus.Rejected && reject == RejectReason.None) reject = RejectReason.Other;
        string orderType = o.Str("orderType");
        decimal qty = o.Dec("qty");
        bool reduceOnly = o.Bool("reduceOnly");
        return new ExchangeOrder(
            Symbol: o.ReqStr("symbol"),
            ClientOrderId: o.Str("orderLinkId"),
            ExchangeOrderId: o.ReqStr("orderId"),
            Side: BybitMapping.ParseSide(o.ReqStr("side")),
            Type: BybitMapping.ParseOrderType(orderType, o.Str("stopOrderType")),
            TimeInForce: BybitMapping.ParseTimeInForce(o.Str("timeInForce")),
            Status: status,
            Price: o.Dec("price"),
            Qty: qty,
            FilledQty: o.Dec("cumExecQty"),
            AvgPrice: o.Dec("avgPrice"),
            TriggerPrice: o.Dec("triggerPrice"),
            ReduceOnly: reduceOnly,
            Reject: reject,
            RejectText: text,
            VenueType: orderType,
            CreatedMs: o.Long("createdTime"),
            UpdatedMs: o.Long("updatedTime"),
            // qty "0" + reduceOnly + closeOnTrigger: closes whatever position there is (bybit-v5.md 4.8).
            ClosePosition: qty == 0 && reduceOnly && o.Bool("closeOnTrigger"));
    }

    /// <summary>The ids-only answer of create/amend/cancel, completed from what was asked.</summary>
    public static ExchangeOrder ParseAck(JsonElement result, string symbol, Side side, OrderType type, TimeInForce tif, OrderStatus status, long nowMs)
    {
        result.RequireObject("result");
        return new ExchangeOrder(symbol, result.Str("orderLinkId"), result.ReqStr("orderId"), side, type, tif, status,
            0m, 0m, 0m, 0m, 0m, false, RejectReason.None, null, type.ToString(), nowMs, nowMs, IsAckOnly: true);
    }

    /// <summary>An execution (REST <c>/v5/execution/list</c>, WS <c>execution</c>; <paramref name="fast"/> for <c>execution.fast</c> which has no fee).</summary>
    public static ExchangeFill ParseFill(JsonElement e, bool fast)
    {
        e.RequireObject("execution");
        string feeCurrency = e.Str("feeCurrency");
        return new ExchangeFill(
            Symbol: e.ReqStr("symbol"),
            ExecId: e.ReqStr("execId"),
            ExchangeOrderId: e.ReqStr("orderId"),
            ClientOrderId: e.Str("orderLinkId"),
            Side: BybitMapping.ParseSide(e.ReqStr("side")),
            Price: e.Dec("execPrice"),
            Qty: e.Dec("execQty"),
            Fee: fast ? 0m : e.Dec("execFee"),
            FeeAsset: feeCurrency.Length == 0 ? null : feeCurrency,
            FeeKnown: !fast,
            IsMaker: e.Bool("isMaker"),
            TimeMs: e.Long("execTime"),
            ExecType: fast ? "Trade" : e.Str("execType"),
            RealizedPnl: e.Dec("execPnl"));
    }
}
