using System.Buffers;
using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Wire.Writing;

namespace Smallfish.Wire.Bybit;

/// <summary>
/// Writes Bybit v5 linear public stream messages (bybit-v5.md section 8) from core events: <c>orderbook.{depth}</c>
/// snapshot/delta with <c>u</c>/<c>seq</c>/<c>ts</c>/<c>cts</c>, <c>publicTrade</c>, <c>tickers</c>. Prices carry the
/// tick's decimals and sizes the quantity step's. Pure: bytes go to the given buffer, nothing else happens.
/// </summary>
public static class BybitFrameWriter
{
    /// <summary>
    /// <c>{"topic":"orderbook.{depth}.{symbol}","type":"snapshot"|"delta","ts":..,"data":{"s","b","a","u","seq"},"cts":..}</c>.
    /// <c>u</c> is <see cref="BookUpdate.LastUpdateId"/>, <c>seq</c> <see cref="BookUpdate.Sequence"/>; levels are written in
    /// the update's order (bids best first, asks best first); size 0 deletes a level in a delta.
    /// </summary>
    public static void WriteOrderBook(IBufferWriter<byte> output, InstrumentSpec spec, int depth, BookUpdate update, long tsMs, long ctsMs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(update);
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        Span<byte> topic = stackalloc byte[WireTopic.MaxLength];
        w.WriteString("topic"u8, topic[..WireTopic.Bybit(topic, "orderbook."u8, depth, spec.Symbol)]);
        w.WriteString("type"u8, update.Kind == BookUpdateKind.Snapshot ? "snapshot"u8 : "delta"u8);
        w.WriteNumber("ts"u8, tsMs);
        w.WriteStartObject("data"u8);
        w.WriteString("s"u8, spec.Symbol);
        WriteLevels(w, "b"u8, update.Bids, spec);
        WriteLevels(w, "a"u8, update.Asks, spec);
        w.WriteNumber("u"u8, update.LastUpdateId);
        w.WriteNumber("seq"u8, update.Sequence);
        w.WriteEndObject();
        w.WriteNumber("cts"u8, ctsMs);
        w.WriteEndObject();
    }

    /// <summary><c>{"topic":"publicTrade.{symbol}","type":"snapshot","ts":..,"data":[{T,s,S,v,p,L,i,BT,seq}]}</c>, oldest trade first.</summary>
    public static void WritePublicTrades(IBufferWriter<byte> output, InstrumentSpec spec, ReadOnlySpan<BybitTradePrint> trades, long tsMs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        Span<byte> topic = stackalloc byte[WireTopic.MaxLength];
        w.WriteString("topic"u8, topic[..WireTopic.Bybit(topic, "publicTrade."u8, -1, spec.Symbol)]);
        w.WriteString("type"u8, "snapshot"u8);
        w.WriteNumber("ts"u8, tsMs);
        w.WriteStartArray("data"u8);
        foreach (ref readonly var print in trades)
        {
            var t = print.Trade;
            w.WriteStartObject();
            w.WriteNumber("T"u8, t.ExchTsNs / 1_000_000);
            w.WriteString("s"u8, spec.Symbol);
            w.WriteString("S"u8, BybitWireNames.Side(t.Aggressor));
            WireText.WriteSteps(w, "v"u8, t.QtyLots, spec.Qty);
            WireText.WriteSteps(w, "p"u8, t.PriceTicks, spec.Price);
            w.WriteString("L"u8, print.Direction.Utf8());
            WireText.WriteLongString(w, "i"u8, t.TradeId);
            w.WriteBoolean("BT"u8, print.IsBlockTrade);
            w.WriteNumber("seq"u8, print.Seq);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>{"topic":"tickers.{symbol}","type":"snapshot"|"delta","data":{...},"cs":..,"ts":..}</c>. A delta here carries
    /// every field (a superset of "changed fields only", which readers must merge anyway).
    /// </summary>
    public static void WriteTicker(IBufferWriter<byte> output, InstrumentSpec spec, in MarketTicker t, BybitTickDirection direction, bool snapshot, long crossSeq, long tsMs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        Span<byte> topic = stackalloc byte[WireTopic.MaxLength];
        w.WriteString("topic"u8, topic[..WireTopic.Bybit(topic, "tickers."u8, -1, spec.Symbol)]);
        w.WriteString("type"u8, snapshot ? "snapshot"u8 : "delta"u8);
        w.WriteStartObject("data"u8);
        WriteTickerFields(w, spec, t, direction);
        w.WriteEndObject();
        w.WriteNumber("cs"u8, crossSeq);
        w.WriteNumber("ts"u8, tsMs);
        w.WriteEndObject();
    }

    /// <summary>The fields of one ticker object (WebSocket <c>data</c> and REST <c>/v5/market/tickers</c> rows).</summary>
    public static void WriteTickerFields(Utf8JsonWriter w, InstrumentSpec spec, in MarketTicker t, BybitTickDirection direction)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        var price = spec.Price;
        w.WriteString("symbol"u8, spec.Symbol);
        w.WriteString("tickDirection"u8, direction.Utf8());
        WireText.WriteDecimal(w, "price24hPcnt"u8, t.PriceChangeFraction);
        WireText.WriteSteps(w, "lastPrice"u8, t.LastPriceTicks, price);
        WireText.WriteSteps(w, "prevPrice24h"u8, t.OpenPrice24hTicks, price);
        WireText.WriteSteps(w, "highPrice24h"u8, t.HighPrice24hTicks, price);
        WireText.WriteSteps(w, "lowPrice24h"u8, t.LowPrice24hTicks, price);
        WireText.WriteSteps(w, "prevPrice1h"u8, t.OpenPrice24hTicks, price);
        WireText.WriteSteps(w, "markPrice"u8, t.MarkPriceTicks, price);
        WireText.WriteSteps(w, "indexPrice"u8, t.IndexPriceTicks, price);
        w.WriteString("openInterest"u8, "0"u8);
        w.WriteString("openInterestValue"u8, "0"u8);
        WireText.WriteDecimal(w, "turnover24h"u8, t.Turnover24h);
        WireText.WriteSteps(w, "volume24h"u8, t.Volume24hLots, spec.Qty);
        w.WriteString("fundingIntervalHour"u8, "8"u8);
        w.WriteString("fundingCap"u8, "0.005"u8);
        WireText.WriteLongString(w, "nextFundingTime"u8, t.NextFundingTimeMs);
        WireText.WriteDecimal(w, "fundingRate"u8, t.FundingRate);
        WireText.WriteSteps(w, "bid1Price"u8, t.BidTicks, price);
        WireText.WriteSteps(w, "bid1Size"u8, t.BidLots, spec.Qty);
        WireText.WriteSteps(w, "ask1Price"u8, t.AskTicks, price);
        WireText.WriteSteps(w, "ask1Size"u8, t.AskLots, spec.Qty);
        w.WriteString("preOpenPrice"u8, ""u8);
        w.WriteString("preQty"u8, ""u8);
        w.WriteString("curPreListingPhase"u8, ""u8);
    }

    /// <summary>Writes <c>[[price, size], ...]</c> for one side of a book message.</summary>
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
}
