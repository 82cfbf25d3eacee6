using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Wire.Writing;

namespace Smallfish.Wire.Binance;

/// <summary>
/// Writes the Binance USD-M REST objects (binance-usdm.md 4.3 to 4.7): order, algo order, account trade, position
/// risk (v3) and balance (v3) rows. One-way mode, cross margin.
/// </summary>
public static class BinanceObjectWriter
{
    /// <summary>An order object (new / modify / cancel answers; with <paramref name="withTime"/> the query / open-orders shape, which adds <c>time</c>).</summary>
    public static void WriteOrder(Utf8JsonWriter w, in WireOrder o, InstrumentSpec spec, bool withTime = false)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        var price = spec.Price;
        var qty = spec.Qty;
        w.WriteStartObject();
        w.WriteNumber("orderId"u8, o.OrderId);
        w.WriteString("symbol"u8, o.Symbol);
        w.WriteString("status"u8, BinanceWireNames.OrderStatus(o.Status));
        w.WriteString("clientOrderId"u8, o.ClientOrderId);
        WireText.WriteSteps(w, "price"u8, o.Type == OrderType.Limit ? o.PriceTicks : 0, price);
        WireText.WriteDecimal(w, "avgPrice"u8, o.AvgPriceTicks * spec.TickSize);
        WireText.WriteSteps(w, "origQty"u8, o.QtyLots, qty);
        WireText.WriteSteps(w, "executedQty"u8, o.FilledLots, qty);
        WireText.WriteSteps(w, "cumQty"u8, o.FilledLots, qty);
        WireText.WriteDecimal(w, "cumQuote"u8, o.AvgPriceTicks * spec.TickSize * qty.ToDecimal(o.FilledLots));
        w.WriteString("timeInForce"u8, BinanceWireNames.TimeInForce(o.TimeInForce));
        w.WriteString("type"u8, BinanceWireNames.OrderType(o.Type));
        w.WriteBoolean("reduceOnly"u8, o.ReduceOnly);
        w.WriteBoolean("closePosition"u8, o.ClosePosition);
        w.WriteString("side"u8, BinanceWireNames.Side(o.Side));
        w.WriteString("positionSide"u8, "BOTH"u8);
        WireText.WriteSteps(w, "stopPrice"u8, o.TriggerTicks, price);
        w.WriteString("workingType"u8, "CONTRACT_PRICE"u8);
        w.WriteBoolean("priceProtect"u8, false);
        w.WriteString("origType"u8, BinanceWireNames.OrderType(o.Type));
        w.WriteString("priceMatch"u8, "NONE"u8);
        w.WriteString("selfTradePreventionMode"u8, "NONE"u8);
        w.WriteNumber("goodTillDate"u8, 0);
        if (withTime) w.WriteNumber("time"u8, o.CreatedMs);
        w.WriteNumber("updateTime"u8, o.UpdatedMs);
        w.WriteEndObject();
    }

    /// <summary>An algo (conditional) order object (POST / GET / DELETE <c>/fapi/v1/algoOrder</c>).</summary>
    public static void WriteAlgoOrder(Utf8JsonWriter w, in WireOrder o, InstrumentSpec spec, long triggerTimeMs)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteStartObject();
        w.WriteNumber("algoId"u8, o.OrderId);
        w.WriteString("clientAlgoId"u8, o.ClientOrderId);
        w.WriteString("algoType"u8, "CONDITIONAL"u8);
        w.WriteString("orderType"u8, BinanceWireNames.OrderType(o.Type));
        w.WriteString("symbol"u8, o.Symbol);
        w.WriteString("side"u8, BinanceWireNames.Side(o.Side));
        w.WriteString("positionSide"u8, "BOTH"u8);
        w.WriteString("timeInForce"u8, "GTC"u8);
        WireText.WriteSteps(w, "quantity"u8, o.QtyLots, spec.Qty);
        w.WriteString("algoStatus"u8, BinanceWireNames.AlgoStatus(o));
        WireText.WriteSteps(w, "triggerPrice"u8, o.TriggerTicks, spec.Price);
        WireText.WriteSteps(w, "price"u8, 0, spec.Price);
        w.WriteNull("icebergQuantity"u8);
        w.WriteString("selfTradePreventionMode"u8, "NONE"u8);
        w.WriteString("workingType"u8, "CONTRACT_PRICE"u8);
        w.WriteString("priceMatch"u8, "NONE"u8);
        w.WriteBoolean("closePosition"u8, o.ClosePosition);
        w.WriteBoolean("priceProtect"u8, false);
        w.WriteBoolean("reduceOnly"u8, o.ReduceOnly);
        w.WriteString("activatePrice"u8, ""u8);
        w.WriteString("callbackRate"u8, ""u8);
        w.WriteNumber("createTime"u8, o.CreatedMs);
        w.WriteNumber("updateTime"u8, o.UpdatedMs);
        w.WriteNumber("triggerTime"u8, triggerTimeMs);
        w.WriteNumber("goodTillDate"u8, 0);
        w.WriteEndObject();
    }

    /// <summary>An account trade row (<c>GET /fapi/v1/userTrades</c>).</summary>
    public static void WriteUserTrade(Utf8JsonWriter w, in WireOrder o, in WireExecution e, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteStartObject();
        w.WriteBoolean("buyer"u8, o.Side == Side.Buy);
        WireText.WriteDecimal(w, "commission"u8, e.Fee);
        w.WriteString("commissionAsset"u8, "USDT"u8);
        w.WriteNumber("id"u8, e.TradeId);
        w.WriteBoolean("maker"u8, e.IsMaker);
        w.WriteNumber("orderId"u8, o.OrderId);
        WireText.WriteSteps(w, "price"u8, e.PriceTicks, spec.Price);
        WireText.WriteSteps(w, "qty"u8, e.QtyLots, spec.Qty);
        WireText.WriteDecimal(w, "quoteQty"u8, spec.Notional(e.PriceTicks, e.QtyLots));
        WireText.WriteDecimal(w, "realizedPnl"u8, e.RealizedPnl);
        w.WriteString("side"u8, BinanceWireNames.Side(o.Side));
        w.WriteString("positionSide"u8, "BOTH"u8);
        w.WriteString("symbol"u8, o.Symbol);
        w.WriteNumber("time"u8, e.TimeMs);
        w.WriteEndObject();
    }

    /// <summary>A <c>/fapi/v3/positionRisk</c> row (<c>positionAmt</c> signed); with <paramref name="v2"/> the v2 extras (leverage, margin type).</summary>
    public static void WritePositionRisk(Utf8JsonWriter w, in WirePosition p, InstrumentSpec spec, bool v2)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        decimal size = spec.Qty.ToDecimal(p.NetLots);
        w.WriteStartObject();
        w.WriteString("symbol"u8, p.Symbol);
        w.WriteString("positionSide"u8, "BOTH"u8);
        WireText.WriteSteps(w, "positionAmt"u8, p.NetLots, spec.Qty);
        WireText.WriteDecimal(w, "entryPrice"u8, p.EntryPrice);
        WireText.WriteDecimal(w, "breakEvenPrice"u8, p.EntryPrice);
        WireText.WriteDecimal(w, "markPrice"u8, p.MarkPrice);
        WireText.WriteDecimal(w, "unRealizedProfit"u8, p.UnrealizedPnl);
        w.WriteString("liquidationPrice"u8, "0"u8);
        w.WriteString("isolatedMargin"u8, "0"u8);
        WireText.WriteDecimal(w, "notional"u8, size * p.MarkPrice);
        w.WriteString("marginAsset"u8, "USDT"u8);
        w.WriteString("isolatedWallet"u8, "0"u8);
        WireText.WriteDecimal(w, "initialMargin"u8, p.InitialMargin);
        WireText.WriteDecimal(w, "maintMargin"u8, p.MaintenanceMargin);
        WireText.WriteDecimal(w, "positionInitialMargin"u8, p.InitialMargin);
        w.WriteString("openOrderInitialMargin"u8, "0"u8);
        w.WriteNumber("adl"u8, p.NetLots == 0 ? 0 : 2);
        w.WriteString("bidNotional"u8, "0"u8);
        w.WriteString("askNotional"u8, "0"u8);
        if (v2)
        {
            WireText.WriteDecimal(w, "leverage"u8, p.Leverage);
            w.WriteString("marginType"u8, "cross"u8);
            w.WriteString("isAutoAddMargin"u8, "false"u8);
            w.WriteString("maxNotionalValue"u8, "250000"u8);
        }
        w.WriteNumber("updateTime"u8, p.UpdatedMs);
        w.WriteEndObject();
    }

    /// <summary>A <c>/fapi/v3/balance</c> row.</summary>
    public static void WriteBalance(Utf8JsonWriter w, in WireWallet wallet)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("accountAlias"u8, "SgsR"u8);
        w.WriteString("asset"u8, wallet.Asset);
        WireText.WriteDecimal(w, "balance"u8, wallet.WalletBalance);
        WireText.WriteDecimal(w, "crossWalletBalance"u8, wallet.WalletBalance);
        WireText.WriteDecimal(w, "crossUnPnl"u8, wallet.UnrealizedPnl);
        WireText.WriteDecimal(w, "availableBalance"u8, wallet.AvailableBalance);
        WireText.WriteDecimal(w, "maxWithdrawAmount"u8, Math.Max(0, wallet.AvailableBalance));
        w.WriteBoolean("marginAvailable"u8, true);
        w.WriteNumber("updateTime"u8, wallet.UpdatedMs);
        w.WriteEndObject();
    }
}
