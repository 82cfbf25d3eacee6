using System.Buffers;
using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Wire.Writing;

namespace Smallfish.Wire.Binance;

/// <summary>
/// Writes Binance USD-M user-data events (binance-usdm.md section 8): <c>ORDER_TRADE_UPDATE</c>,
/// <c>ACCOUNT_UPDATE</c>, <c>ALGO_UPDATE</c> and <c>listenKeyExpired</c>. One-way mode (<c>ps</c> BOTH), cross margin.
/// </summary>
public static class BinancePrivateFrameWriter
{
    /// <summary>Execution types (<c>x</c>) of ORDER_TRADE_UPDATE.</summary>
    public static class ExecutionTypes
    {
        /// <summary>Accepted.</summary>
        public const string New = "NEW";

        /// <summary>Cancelled.</summary>
        public const string Canceled = "CANCELED";

        /// <summary>Expired (IOC remainder, post-only that would take).</summary>
        public const string Expired = "EXPIRED";

        /// <summary>A fill.</summary>
        public const string Trade = "TRADE";

        /// <summary>Price or quantity modified.</summary>
        public const string Amendment = "AMENDMENT";
    }

    /// <summary>An order event without a fill (<paramref name="executionType"/> NEW, CANCELED, EXPIRED, AMENDMENT).</summary>
    public static void WriteOrderTradeUpdate(IBufferWriter<byte> output, InstrumentSpec spec, in WireOrder order, string executionType, long eventMs, long transactionMs) =>
        Write(output, spec, order, executionType, default, hasFill: false, eventMs, transactionMs);

    /// <summary>A fill (<c>x</c> TRADE): last fill <c>l</c>/<c>L</c>/<c>n</c>/<c>t</c>/<c>m</c>/<c>rp</c>, cumulative <c>z</c>, status after the fill.</summary>
    public static void WriteOrderTradeUpdate(IBufferWriter<byte> output, InstrumentSpec spec, in WireOrder order, in WireExecution fill, long eventMs, long transactionMs) =>
        Write(output, spec, order, ExecutionTypes.Trade, fill, hasFill: true, eventMs, transactionMs);

    /// <summary>
    /// <c>ACCOUNT_UPDATE</c> with reason <paramref name="reason"/> (e.g. ORDER, FUNDING_FEE), the wallet row and the
    /// changed positions; <paramref name="specs"/>[i] is the instrument of <paramref name="positions"/>[i].
    /// </summary>
    public static void WriteAccountUpdate(IBufferWriter<byte> output, string reason, in WireWallet wallet, decimal balanceChange,
        ReadOnlySpan<WirePosition> positions, ReadOnlySpan<InstrumentSpec> specs, long eventMs, long transactionMs)
    {
        if (specs.Length != positions.Length) throw new ArgumentException("one spec per position", nameof(specs));
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteString("e"u8, "ACCOUNT_UPDATE"u8);
        w.WriteNumber("E"u8, eventMs);
        w.WriteNumber("T"u8, transactionMs);
        w.WriteStartObject("a"u8);
        w.WriteString("m"u8, reason);
        w.WriteStartArray("B"u8);
        w.WriteStartObject();
        w.WriteString("a"u8, wallet.Asset);
        WireText.WriteDecimal(w, "wb"u8, wallet.WalletBalance);
        WireText.WriteDecimal(w, "cw"u8, wallet.WalletBalance);
        WireText.WriteDecimal(w, "bc"u8, balanceChange);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("P"u8);
        for (int i = 0; i < positions.Length; i++)
        {
            ref readonly var p = ref positions[i];
            var spec = specs[i];
            w.WriteStartObject();
            w.WriteString("s"u8, p.Symbol);
            WireText.WriteSteps(w, "pa"u8, p.NetLots, spec.Qty);
            WireText.WriteDecimal(w, "ep"u8, p.EntryPrice);
            WireText.WriteDecimal(w, "bep"u8, p.EntryPrice);
            WireText.WriteDecimal(w, "cr"u8, p.CumRealizedPnl);
            WireText.WriteDecimal(w, "up"u8, p.UnrealizedPnl);
            w.WriteString("mt"u8, "cross"u8);
            w.WriteString("iw"u8, "0"u8);
            w.WriteString("ps"u8, "BOTH"u8);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>ALGO_UPDATE</c> for a conditional order; <paramref name="actualOrderId"/> is the order the trigger created
    /// (<c>ai</c>, 0 before the trigger; a triggered order still working is <c>TRIGGERED</c>), <paramref name="reason"/>
    /// the reject/cancel text (<c>rm</c>).
    /// </summary>
    public static void WriteAlgoUpdate(IBufferWriter<byte> output, InstrumentSpec spec, in WireOrder order, long actualOrderId, string reason, long triggerTimeMs, long eventMs, long transactionMs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(reason);
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteString("e"u8, "ALGO_UPDATE"u8);
        w.WriteNumber("T"u8, transactionMs);
        w.WriteNumber("E"u8, eventMs);
        w.WriteStartObject("o"u8);
        w.WriteString("caid"u8, order.ClientOrderId);
        w.WriteNumber("aid"u8, order.OrderId);
        w.WriteString("at"u8, "CONDITIONAL"u8);
        w.WriteString("o"u8, BinanceWireNames.OrderType(order.Type));
        w.WriteString("s"u8, order.Symbol);
        w.WriteString("S"u8, BinanceWireNames.Side(order.Side));
        w.WriteString("ps"u8, "BOTH"u8);
        w.WriteString("f"u8, "GTC"u8);
        WireText.WriteSteps(w, "q"u8, order.QtyLots, spec.Qty);
        w.WriteString("X"u8, actualOrderId > 0 && order.Status is OrderStatus.PendingNew or OrderStatus.New or OrderStatus.PartiallyFilled
            ? "TRIGGERED"u8
            : BinanceWireNames.AlgoStatus(order));
        if (actualOrderId > 0) WireText.WriteLongString(w, "ai"u8, actualOrderId); else w.WriteString("ai"u8, ""u8);
        WireText.WriteDecimal(w, "ap"u8, order.AvgPriceTicks * spec.TickSize);
        WireText.WriteSteps(w, "aq"u8, order.FilledLots, spec.Qty);
        w.WriteString("act"u8, "0"u8);
        WireText.WriteSteps(w, "tp"u8, order.TriggerTicks, spec.Price);
        WireText.WriteSteps(w, "p"u8, 0, spec.Price);
        w.WriteString("V"u8, "NONE"u8);
        w.WriteString("wt"u8, "CONTRACT_PRICE"u8);
        w.WriteString("pm"u8, "NONE"u8);
        w.WriteBoolean("cp"u8, order.ClosePosition);
        w.WriteBoolean("pP"u8, false);
        w.WriteBoolean("R"u8, order.ReduceOnly);
        w.WriteNumber("tt"u8, triggerTimeMs);
        w.WriteNumber("gtd"u8, 0);
        w.WriteString("rm"u8, reason);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>{"e":"listenKeyExpired","E":..,"listenKey":".."}</c>.</summary>
    public static void WriteListenKeyExpired(IBufferWriter<byte> output, string listenKey, long eventMs)
    {
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteString("e"u8, "listenKeyExpired"u8);
        w.WriteNumber("E"u8, eventMs);
        w.WriteString("listenKey"u8, listenKey);
        w.WriteEndObject();
    }

    private static void Write(IBufferWriter<byte> output, InstrumentSpec spec, in WireOrder o, string executionType, in WireExecution fill, bool hasFill, long eventMs, long transactionMs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(executionType);
        var price = spec.Price;
        var qty = spec.Qty;
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteString("e"u8, "ORDER_TRADE_UPDATE"u8);
        w.WriteNumber("E"u8, eventMs);
        w.WriteNumber("T"u8, transactionMs);
        w.WriteStartObject("o"u8);
        w.WriteString("s"u8, o.Symbol);
        w.WriteString("c"u8, o.ClientOrderId);
        w.WriteString("S"u8, BinanceWireNames.Side(o.Side));
        w.WriteString("o"u8, BinanceWireNames.OrderType(o.Type));
        w.WriteString("f"u8, BinanceWireNames.TimeInForce(o.TimeInForce));
        WireText.WriteSteps(w, "q"u8, o.QtyLots, qty);
        WireText.WriteSteps(w, "p"u8, o.Type == OrderType.Limit ? o.PriceTicks : 0, price);
        WireText.WriteDecimal(w, "ap"u8, o.AvgPriceTicks * spec.TickSize);
        WireText.WriteSteps(w, "sp"u8, o.TriggerTicks, price);
        w.WriteString("x"u8, executionType);
        w.WriteString("X"u8, BinanceWireNames.OrderStatus(o.Status));
        w.WriteNumber("i"u8, o.OrderId);
        WireText.WriteSteps(w, "l"u8, hasFill ? fill.QtyLots : 0, qty);
        WireText.WriteSteps(w, "z"u8, o.FilledLots, qty);
        WireText.WriteSteps(w, "L"u8, hasFill ? fill.PriceTicks : 0, price);
        if (hasFill)
        {
            w.WriteString("N"u8, "USDT"u8);
            WireText.WriteDecimal(w, "n"u8, fill.Fee);
        }
        w.WriteNumber("T"u8, hasFill ? fill.TimeMs : o.UpdatedMs);
        w.WriteNumber("t"u8, hasFill ? fill.TradeId : 0);
        w.WriteString("b"u8, "0"u8);
        w.WriteString("a"u8, "0"u8);
        w.WriteBoolean("m"u8, hasFill && fill.IsMaker);
        w.WriteBoolean("R"u8, o.ReduceOnly);
        w.WriteString("wt"u8, "CONTRACT_PRICE"u8);
        w.WriteString("ot"u8, BinanceWireNames.OrderType(o.Type));
        w.WriteString("ps"u8, "BOTH"u8);
        w.WriteBoolean("cp"u8, o.ClosePosition);
        WireText.WriteDecimal(w, "rp"u8, hasFill ? fill.RealizedPnl : 0m);
        w.WriteBoolean("pP"u8, false);
        w.WriteNumber("si"u8, 0);
        w.WriteNumber("ss"u8, 0);
        w.WriteString("V"u8, "NONE"u8);
        w.WriteString("pm"u8, "NONE"u8);
        w.WriteNumber("gtd"u8, 0);
        w.WriteString("er"u8, BinanceWireNames.ExpiryReason(o));
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
