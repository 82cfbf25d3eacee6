using System.Buffers;
using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Wire.Writing;

namespace Smallfish.Wire.Binance;

/// <summary>
/// Writes Binance USD-M market stream events and the REST depth snapshot (binance-usdm.md 4.2, section 6) from core
/// events. With a <c>stream</c> name the event is wrapped as a combined-stream message
/// <c>{"stream":"..","data":{..}}</c>; without, it is the raw event. Prices carry the tick's decimals.
/// </summary>
public static class BinanceFrameWriter
{
    /// <summary><c>depthUpdate</c> with <c>U</c>/<c>u</c>/<c>pu</c> from <see cref="BookUpdate.FirstUpdateId"/>/<see cref="BookUpdate.LastUpdateId"/>/<see cref="BookUpdate.PrevUpdateId"/>.</summary>
    public static void WriteDepthUpdate(IBufferWriter<byte> output, InstrumentSpec spec, BookUpdate update, long eventMs, long transactionMs, string? stream)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(update);
        using var w = new Utf8JsonWriter(output);
        Open(w, stream);
        w.WriteString("e"u8, "depthUpdate"u8);
        w.WriteNumber("E"u8, eventMs);
        w.WriteNumber("T"u8, transactionMs);
        w.WriteString("s"u8, spec.Symbol);
        w.WriteNumber("U"u8, update.FirstUpdateId);
        w.WriteNumber("u"u8, update.LastUpdateId);
        w.WriteNumber("pu"u8, update.PrevUpdateId);
        WriteLevels(w, "b"u8, update.Bids, spec);
        WriteLevels(w, "a"u8, update.Asks, spec);
        Close(w, stream);
    }

    /// <summary>The REST <c>GET /fapi/v1/depth</c> answer <c>{lastUpdateId,E,T,bids,asks}</c> from a snapshot.</summary>
    public static void WriteDepthSnapshot(IBufferWriter<byte> output, InstrumentSpec spec, BookUpdate snapshot, long eventMs, long transactionMs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(snapshot);
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteNumber("lastUpdateId"u8, snapshot.LastUpdateId);
        w.WriteNumber("E"u8, eventMs);
        w.WriteNumber("T"u8, transactionMs);
        WriteLevels(w, "bids"u8, snapshot.Bids, spec);
        WriteLevels(w, "asks"u8, snapshot.Asks, spec);
        w.WriteEndObject();
    }

    /// <summary><c>aggTrade</c>; <c>m</c> (buyer is maker) is true when the taker sold.</summary>
    public static void WriteAggTrade(IBufferWriter<byte> output, InstrumentSpec spec, in TradeEvent trade, long aggregateId, long firstTradeId, long lastTradeId, long eventMs, string? stream)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var w = new Utf8JsonWriter(output);
        Open(w, stream);
        w.WriteString("e"u8, "aggTrade"u8);
        w.WriteNumber("E"u8, eventMs);
        w.WriteString("s"u8, spec.Symbol);
        w.WriteNumber("a"u8, aggregateId);
        WireText.WriteSteps(w, "p"u8, trade.PriceTicks, spec.Price);
        WireText.WriteSteps(w, "q"u8, trade.QtyLots, spec.Qty);
        WireText.WriteSteps(w, "nq"u8, trade.QtyLots, spec.Qty);
        w.WriteNumber("f"u8, firstTradeId);
        w.WriteNumber("l"u8, lastTradeId);
        w.WriteNumber("T"u8, trade.ExchTsNs / 1_000_000);
        w.WriteBoolean("m"u8, trade.Aggressor == Core.Domain.Side.Sell);
        Close(w, stream);
    }

    /// <summary><c>trade</c> (individual trade, <c>X</c> = MARKET).</summary>
    public static void WriteTrade(IBufferWriter<byte> output, InstrumentSpec spec, in TradeEvent trade, long eventMs, string? stream)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var w = new Utf8JsonWriter(output);
        Open(w, stream);
        w.WriteString("e"u8, "trade"u8);
        w.WriteNumber("E"u8, eventMs);
        w.WriteNumber("T"u8, trade.ExchTsNs / 1_000_000);
        w.WriteString("s"u8, spec.Symbol);
        w.WriteNumber("t"u8, trade.TradeId);
        WireText.WriteSteps(w, "p"u8, trade.PriceTicks, spec.Price);
        WireText.WriteSteps(w, "q"u8, trade.QtyLots, spec.Qty);
        w.WriteString("X"u8, (trade.Flags & TradeFlags.Liquidation) != 0 ? "INSURANCE_FUND"u8 : "MARKET"u8);
        w.WriteBoolean("m"u8, trade.Aggressor == Core.Domain.Side.Sell);
        Close(w, stream);
    }

    /// <summary><c>bookTicker</c>; <c>u</c> is the depth stream's update id.</summary>
    public static void WriteBookTicker(IBufferWriter<byte> output, InstrumentSpec spec, in BboEvent bbo, long eventMs, long transactionMs, string? stream)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var w = new Utf8JsonWriter(output);
        Open(w, stream);
        w.WriteString("e"u8, "bookTicker"u8);
        w.WriteNumber("u"u8, bbo.UpdateId);
        w.WriteNumber("E"u8, eventMs);
        w.WriteNumber("T"u8, transactionMs);
        w.WriteString("s"u8, spec.Symbol);
        WireText.WriteSteps(w, "b"u8, bbo.BidTicks, spec.Price);
        WireText.WriteSteps(w, "B"u8, bbo.BidLots, spec.Qty);
        WireText.WriteSteps(w, "a"u8, bbo.AskTicks, spec.Price);
        WireText.WriteSteps(w, "A"u8, bbo.AskLots, spec.Qty);
        Close(w, stream);
    }

    /// <summary><c>markPriceUpdate</c> (<c>p</c> mark, <c>i</c> index, <c>r</c> funding rate, <c>T</c> next funding time).</summary>
    public static void WriteMarkPrice(IBufferWriter<byte> output, InstrumentSpec spec, in MarketTicker ticker, long eventMs, string? stream)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var w = new Utf8JsonWriter(output);
        Open(w, stream);
        w.WriteString("e"u8, "markPriceUpdate"u8);
        w.WriteNumber("E"u8, eventMs);
        w.WriteString("s"u8, spec.Symbol);
        WireText.WriteSteps(w, "p"u8, ticker.MarkPriceTicks, spec.Price);
        WireText.WriteSteps(w, "ap"u8, ticker.MarkPriceTicks, spec.Price);
        WireText.WriteSteps(w, "i"u8, ticker.IndexPriceTicks, spec.Price);
        WireText.WriteSteps(w, "P"u8, ticker.IndexPriceTicks, spec.Price);
        WireText.WriteDecimalFixed(w, "r"u8, ticker.FundingRate, 8);
        w.WriteNumber("T"u8, ticker.NextFundingTimeMs);
        Close(w, stream);
    }

    /// <summary>Writes <c>[[price, qty], ...]</c> for one side.</summary>
    public static void WriteLevels(Utf8JsonWriter w, ReadOnlySpan<byte> name, LevelList levels, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteStartArray(name);
        for (int i = 0; i < levels.Count; i++)
        {
            w.WriteStartArray();
            WireText.WriteStepsValue(w, levels.PriceAt(i), spec.Price);
            WireText.WriteStepsValue(w, levels.QtyAt(i), spec.Qty);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void Open(Utf8JsonWriter w, string? stream)
    {
        w.WriteStartObject();
        if (stream is null) return;
        w.WriteString("stream"u8, stream);
        w.WriteStartObject("data"u8);
    }

    private static void Close(Utf8JsonWriter w, string? stream)
    {
        if (stream is not null) w.WriteEndObject();
        w.WriteEndObject();
    }
}
