using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Wire.Writing;

namespace Smallfish.Wire.Bybit;

/// <summary>
/// Writes the Bybit v5 objects shared by REST lists and the private topics (bybit-v5.md 4.11, 4.13, 4.15, 4.16, 9):
/// order, execution, position and wallet. One-way mode (<c>positionIdx 0</c>), category <c>linear</c>.
/// </summary>
public static class BybitObjectWriter
{
    /// <summary>An order object (REST <c>/v5/order/realtime</c> / <c>history</c> row, WS <c>order</c> item).</summary>
    public static void WriteOrder(Utf8JsonWriter w, in WireOrder o, InstrumentSpec spec, bool webSocket)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        var price = spec.Price;
        var qty = spec.Qty;
        w.WriteStartObject();
        if (webSocket) w.WriteString("category"u8, "linear"u8);
        w.WriteString("orderId"u8, o.OrderIdText);
        w.WriteString("orderLinkId"u8, o.ClientOrderId);
        w.WriteString("blockTradeId"u8, ""u8);
        w.WriteString("symbol"u8, o.Symbol);
        WireText.WriteSteps(w, "price"u8, o.Type == OrderType.Limit ? o.PriceTicks : 0, price);
        WireText.WriteSteps(w, "qty"u8, o.QtyLots, qty);
        w.WriteString("side"u8, BybitWireNames.Side(o.Side));
        w.WriteString("isLeverage"u8, ""u8);
        w.WriteNumber("positionIdx"u8, 0);
        w.WriteString("orderStatus"u8, BybitWireNames.OrderStatus(o));
        w.WriteString("cancelType"u8, BybitWireNames.CancelType(o));
        w.WriteString("rejectReason"u8, BybitWireNames.RejectReason(o));
        WireText.WriteDecimal(w, "avgPrice"u8, o.AvgPriceTicks * spec.TickSize);
        WireText.WriteSteps(w, "leavesQty"u8, o.LeavesLots, qty);
        WireText.WriteDecimal(w, "leavesValue"u8, spec.Notional(o.PriceTicks, o.LeavesLots));
        WireText.WriteSteps(w, "cumExecQty"u8, o.FilledLots, qty);
        WireText.WriteDecimal(w, "cumExecValue"u8, o.AvgPriceTicks * spec.TickSize * qty.ToDecimal(o.FilledLots));
        WireText.WriteDecimal(w, "cumExecFee"u8, o.CumFee);
        w.WriteString("timeInForce"u8, BybitWireNames.TimeInForce(o));
        w.WriteString("orderType"u8, BybitWireNames.OrderType(o.Type));
        w.WriteString("stopOrderType"u8, BybitWireNames.StopOrderType(o));
        w.WriteString("orderIv"u8, ""u8);
        WireText.WriteSteps(w, "triggerPrice"u8, o.TriggerTicks, price);
        WireText.WriteSteps(w, "takeProfit"u8, 0, price);
        WireText.WriteSteps(w, "stopLoss"u8, 0, price);
        w.WriteString("tpTriggerBy"u8, "UNKNOWN"u8);
        w.WriteString("slTriggerBy"u8, "UNKNOWN"u8);
        w.WriteNumber("triggerDirection"u8, BybitWireNames.TriggerDirection(o));
        w.WriteString("triggerBy"u8, o.IsConditional ? "LastPrice"u8 : "UNKNOWN"u8);
        w.WriteString("lastPriceOnCreated"u8, ""u8);
        w.WriteBoolean("reduceOnly"u8, o.ReduceOnly);
        w.WriteBoolean("closeOnTrigger"u8, o.ClosePosition);
        w.WriteString("smpType"u8, "None"u8);
        w.WriteNumber("smpGroup"u8, 0);
        w.WriteString("smpOrderId"u8, ""u8);
        w.WriteString("tpslMode"u8, o.Stop == WireStopKind.None ? ""u8 : "Full"u8);
        w.WriteString("tpLimitPrice"u8, ""u8);
        w.WriteString("slLimitPrice"u8, ""u8);
        w.WriteString("placeType"u8, ""u8);
        WireText.WriteLongString(w, "createdTime"u8, o.CreatedMs);
        WireText.WriteLongString(w, "updatedTime"u8, o.UpdatedMs);
        if (webSocket)
        {
            w.WriteString("closedPnl"u8, "0"u8);
            w.WriteString("feeCurrency"u8, ""u8);
        }
        w.WriteStartObject("cumFeeDetail"u8);
        if (o.CumFee != 0) WireText.WriteDecimal(w, "USDT"u8, o.CumFee);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// An execution (REST <c>/v5/execution/list</c> row, WS <c>execution</c> item) of <paramref name="order"/>; the REST row
    /// has no <c>createType</c>, <c>execPnl</c>, <c>isLeverage</c>, <c>marketUnit</c> (fixtures rest_execution_list / ws_execution_linear).
    /// </summary>
    public static void WriteExecution(Utf8JsonWriter w, in WireOrder order, in WireExecution e, InstrumentSpec spec, bool webSocket)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        var price = spec.Price;
        var qty = spec.Qty;
        w.WriteStartObject();
        if (webSocket) w.WriteString("category"u8, "linear"u8);
        w.WriteString("symbol"u8, order.Symbol);
        w.WriteString("orderId"u8, order.OrderIdText);
        w.WriteString("orderLinkId"u8, order.ClientOrderId);
        w.WriteString("side"u8, BybitWireNames.Side(order.Side));
        WireText.WriteSteps(w, "orderPrice"u8, order.Type == OrderType.Limit ? order.PriceTicks : 0, price);
        WireText.WriteSteps(w, "orderQty"u8, order.QtyLots, qty);
        WireText.WriteSteps(w, "leavesQty"u8, order.LeavesLots, qty);
        if (webSocket) w.WriteString("createType"u8, "CreateByUser"u8);
        w.WriteString("orderType"u8, BybitWireNames.OrderType(order.Type));
        w.WriteString("stopOrderType"u8, order.IsConditional ? BybitWireNames.StopOrderType(order) : "UNKNOWN"u8);
        WireText.WriteDecimal(w, "execFee"u8, e.Fee);
        w.WriteString("execId"u8, e.ExecId);
        WireText.WriteSteps(w, "execPrice"u8, e.PriceTicks, price);
        WireText.WriteSteps(w, "execQty"u8, e.QtyLots, qty);
        w.WriteString("execType"u8, "Trade"u8);
        WireText.WriteDecimal(w, "execValue"u8, spec.Notional(e.PriceTicks, e.QtyLots));
        WireText.WriteLongString(w, "execTime"u8, e.TimeMs);
        w.WriteString("feeCurrency"u8, "USDT"u8);
        w.WriteBoolean("isMaker"u8, e.IsMaker);
        WireText.WriteDecimal(w, "feeRate"u8, e.FeeRate);
        w.WriteString("tradeIv"u8, ""u8);
        w.WriteString("markIv"u8, ""u8);
        WireText.WriteSteps(w, "markPrice"u8, e.MarkPriceTicks, price);
        w.WriteString("indexPrice"u8, ""u8);
        w.WriteString("underlyingPrice"u8, ""u8);
        w.WriteString("blockTradeId"u8, ""u8);
        WireText.WriteSteps(w, "closedSize"u8, e.ClosedLots, qty);
        w.WriteNumber("seq"u8, e.Seq);
        if (webSocket)
        {
            WireText.WriteDecimal(w, "execPnl"u8, e.RealizedPnl);
            w.WriteString("isLeverage"u8, "0"u8);
            w.WriteString("marketUnit"u8, ""u8);
        }
        w.WriteStartArray("extraFees"u8);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A low-latency execution (<c>execution.fast</c> item): no fee; a maker fill has an empty <c>orderLinkId</c>.</summary>
    public static void WriteFastExecution(Utf8JsonWriter w, in WireOrder order, in WireExecution e, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteStartObject();
        w.WriteString("category"u8, "linear"u8);
        w.WriteString("symbol"u8, order.Symbol);
        w.WriteString("orderId"u8, order.OrderIdText);
        w.WriteBoolean("isMaker"u8, e.IsMaker);
        w.WriteString("orderLinkId"u8, e.IsMaker ? "" : order.ClientOrderId);
        w.WriteString("execId"u8, e.ExecId);
        WireText.WriteSteps(w, "execPrice"u8, e.PriceTicks, spec.Price);
        WireText.WriteSteps(w, "execQty"u8, e.QtyLots, spec.Qty);
        w.WriteString("side"u8, BybitWireNames.Side(order.Side));
        WireText.WriteLongString(w, "execTime"u8, e.TimeMs);
        w.WriteNumber("seq"u8, e.Seq);
        w.WriteEndObject();
    }

    /// <summary>A position row: REST <c>/v5/position/list</c> (<c>avgPrice</c>) or WS <c>position</c> (<c>entryPrice</c>).</summary>
    public static void WritePosition(Utf8JsonWriter w, in WirePosition p, InstrumentSpec spec, bool webSocket)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        var price = spec.Price;
        long size = Math.Abs(p.NetLots);
        w.WriteStartObject();
        if (webSocket) w.WriteString("category"u8, "linear"u8);
        w.WriteNumber("positionIdx"u8, 0);
        w.WriteNumber("riskId"u8, 1);
        w.WriteString("riskLimitValue"u8, "2000000"u8);
        w.WriteString("symbol"u8, p.Symbol);
        w.WriteString("side"u8, BybitWireNames.PositionSide(p.NetLots));
        WireText.WriteSteps(w, "size"u8, size, spec.Qty);
        WireText.WriteDecimal(w, webSocket ? "entryPrice"u8 : "avgPrice"u8, p.EntryPrice);
        WireText.WriteDecimal(w, "breakEvenPrice"u8, p.EntryPrice);
        WireText.WriteDecimal(w, "positionValue"u8, p.EntryPrice * spec.Qty.ToDecimal(size));
        w.WriteNumber("tradeMode"u8, 0);
        w.WriteNumber("autoAddMargin"u8, 0);
        w.WriteString("positionStatus"u8, "Normal"u8);
        WireText.WriteDecimal(w, "leverage"u8, p.Leverage);
        WireText.WriteDecimal(w, "markPrice"u8, p.MarkPrice);
        w.WriteString("liqPrice"u8, ""u8);
        w.WriteString("bustPrice"u8, ""u8);
        WireText.WriteDecimal(w, "positionIM"u8, p.InitialMargin);
        WireText.WriteDecimal(w, "positionMM"u8, p.MaintenanceMargin);
        w.WriteString("positionBalance"u8, "0"u8);
        w.WriteString("tpslMode"u8, "Full"u8);
        WireText.WriteSteps(w, "takeProfit"u8, p.TakeProfitTicks, price);
        WireText.WriteSteps(w, "stopLoss"u8, p.StopLossTicks, price);
        w.WriteString("trailingStop"u8, "0"u8);
        WireText.WriteDecimal(w, "unrealisedPnl"u8, p.UnrealizedPnl);
        WireText.WriteDecimal(w, "curRealisedPnl"u8, p.CurRealizedPnl);
        WireText.WriteDecimal(w, "cumRealisedPnl"u8, p.CumRealizedPnl);
        w.WriteNumber("adlRankIndicator"u8, p.NetLots == 0 ? 0 : 2);
        w.WriteBoolean("isReduceOnly"u8, false);
        WireText.WriteLongString(w, "createdTime"u8, p.CreatedMs);
        WireText.WriteLongString(w, "updatedTime"u8, p.UpdatedMs);
        w.WriteNumber("seq"u8, p.Seq);
        w.WriteEndObject();
    }

    /// <summary>A unified-account wallet object (REST <c>result.list[0]</c>, WS <c>wallet</c> item) with one coin row.</summary>
    public static void WriteWallet(Utf8JsonWriter w, in WireWallet wallet)
    {
        ArgumentNullException.ThrowIfNull(w);
        decimal equity = wallet.Equity;
        decimal im = wallet.PositionInitialMargin + wallet.OrderInitialMargin;
        w.WriteStartObject();
        w.WriteString("accountType"u8, "UNIFIED"u8);
        WireText.WriteDecimal(w, "accountIMRate"u8, equity > 0 ? decimal.Round(im / equity, 4) : 0m);
        WireText.WriteDecimal(w, "accountMMRate"u8, equity > 0 ? decimal.Round(wallet.MaintenanceMargin / equity, 4) : 0m);
        w.WriteString("accountLTV"u8, "0"u8);
        WireText.WriteDecimal(w, "totalEquity"u8, equity);
        WireText.WriteDecimal(w, "totalWalletBalance"u8, wallet.WalletBalance);
        WireText.WriteDecimal(w, "totalMarginBalance"u8, equity);
        WireText.WriteDecimal(w, "totalAvailableBalance"u8, wallet.AvailableBalance);
        WireText.WriteDecimal(w, "totalPerpUPL"u8, wallet.UnrealizedPnl);
        WireText.WriteDecimal(w, "totalInitialMargin"u8, im);
        WireText.WriteDecimal(w, "totalMaintenanceMargin"u8, wallet.MaintenanceMargin);
        w.WriteStartArray("coin"u8);
        w.WriteStartObject();
        w.WriteString("coin"u8, wallet.Asset);
        WireText.WriteDecimal(w, "equity"u8, equity);
        WireText.WriteDecimal(w, "usdValue"u8, equity);
        WireText.WriteDecimal(w, "walletBalance"u8, wallet.WalletBalance);
        w.WriteString("availableToWithdraw"u8, ""u8);
        w.WriteString("availableToBorrow"u8, ""u8);
        w.WriteString("borrowAmount"u8, "0"u8);
        w.WriteString("accruedInterest"u8, "0"u8);
        WireText.WriteDecimal(w, "totalOrderIM"u8, wallet.OrderInitialMargin);
        WireText.WriteDecimal(w, "totalPositionIM"u8, wallet.PositionInitialMargin);
        WireText.WriteDecimal(w, "totalPositionMM"u8, wallet.MaintenanceMargin);
        WireText.WriteDecimal(w, "unrealisedPnl"u8, wallet.UnrealizedPnl);
        WireText.WriteDecimal(w, "cumRealisedPnl"u8, wallet.CumRealizedPnl);
        w.WriteString("bonus"u8, "0"u8);
        w.WriteBoolean("collateralSwitch"u8, true);
        w.WriteBoolean("marginCollateral"u8, true);
        w.WriteString("locked"u8, "0"u8);
        w.WriteString("spotBorrow"u8, "0"u8);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
