using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Wire.Json;
using Smallfish.Wire.Text;

namespace Smallfish.Wire.Bybit;

public sealed partial class BybitMarketDataParser
{
    private const string ErrUnterminated = "message ends inside an object";

    /// <summary>The envelope fields; <see cref="Data"/> is the raw bytes of the <c>data</c> value, read after the envelope.</summary>
    private ref struct Envelope
    {
        public ReadOnlySpan<byte> Topic, Type, Data;
        public long Ts, Cts, Cs;
        public bool HasTs, HasCts, HasCs, IsControl;
    }

    // The data value is kept as a slice and parsed after the whole envelope, because linear tickers put ts (and spot
    // messages put type) after data.
    private static string? ReadEnvelope(ref Utf8JsonReader r, ReadOnlySpan<byte> json, ref Envelope env)
    {
        while (r.Read())
        {
            if (r.TokenType == JsonTokenType.EndObject) return null;
            var name = r.ValueIsEscaped ? default : r.ValueSpan;
            if (!r.Read()) return ErrUnterminated;
            if (name.SequenceEqual("topic"u8)) env.Topic = JsonValues.Text(ref r);
            else if (name.SequenceEqual("type"u8)) env.Type = JsonValues.Text(ref r);
            else if (name.SequenceEqual("ts"u8)) { if (!(env.HasTs = JsonValues.TryTimeMs(ref r, out env.Ts))) return ErrNumber; }
            else if (name.SequenceEqual("cts"u8)) { if (!(env.HasCts = JsonValues.TryTimeMs(ref r, out env.Cts))) return ErrNumber; }
            else if (name.SequenceEqual("cs"u8)) { if (!(env.HasCs = JsonValues.TryInt64(ref r, out env.Cs))) return ErrNumber; }
            else if (name.SequenceEqual("data"u8))
            {
                int start = (int)r.TokenStartIndex;
                JsonValues.SkipValue(ref r);
                env.Data = json.Slice(start, (int)r.BytesConsumed - start);
            }
            else
            {
                if (name.SequenceEqual("op"u8) || name.SequenceEqual("success"u8)) env.IsControl = true;
                JsonValues.SkipValue(ref r);
            }
        }
        return ErrUnterminated;
    }

    // Reader on a trade's StartObject; leaves it on the matching EndObject.
    private static string? ReadTrade(ref Utf8JsonReader r, int id, InstrumentSpec spec, long localTsNs, out TradeEvent trade)
    {
        trade = default;
        long time = 0;
        bool hasTime = false, block = false;
        ReadOnlySpan<byte> side = default, size = default, price = default, tradeId = default;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.ValueSpan;
            r.Read();
            if (name.Length == 1)
            {
                switch (name[0])
                {
                    case (byte)'T': hasTime = JsonValues.TryTimeMs(ref r, out time); break;
                    case (byte)'S': side = JsonValues.Text(ref r); break;
                    case (byte)'v': size = JsonValues.Text(ref r); break;
                    case (byte)'p': price = JsonValues.Text(ref r); break;
                    case (byte)'i': tradeId = JsonValues.Text(ref r); break;
                    default: JsonValues.SkipValue(ref r); break;
                }
            }
            else if (name.SequenceEqual("BT"u8)) block = r.TokenType == JsonTokenType.True;
            else JsonValues.SkipValue(ref r);
        }
        if (r.TokenType != JsonTokenType.EndObject || !hasTime) return ErrMissing;
        Side aggressor;
        if (side.SequenceEqual("Buy"u8)) aggressor = Side.Buy;
        else if (side.SequenceEqual("Sell"u8)) aggressor = Side.Sell;
        else return ErrSide;
        if (!spec.Price.TryParseSteps(price, out long ticks) || ticks <= 0) return ErrPrice;
        if (!spec.Qty.TryParseSteps(size, out long lots) || lots <= 0) return ErrQty;
        trade = new TradeEvent(id, WireNumbers.MsToNs(time), localTsNs, ticks, lots, aggressor, TradeIdHash.Compute(tradeId),
            block ? TradeFlags.Block : TradeFlags.None);
        return null;
    }

    private WireParseStatus ParseTicker(ref Envelope env, int id, InstrumentSpec spec, long localTsNs, IMarketEventSink sink)
    {
        bool snapshot = env.Type.SequenceEqual("snapshot"u8);
        if (!snapshot && !env.Type.SequenceEqual("delta"u8)) return Fail(ErrMissing);
        if (id >= _tickers.Length) Array.Resize(ref _tickers, Math.Max(id + 1, _tickers.Length * 2));
        var state = snapshot || !_tickers[id].HasSnapshot ? BybitTickerState.Empty : _tickers[id];

        var r = new Utf8JsonReader(env.Data);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return Fail(ErrMissing);
        bool quoteSeen = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.ValueSpan;
            r.Read();
            var text = JsonValues.Text(ref r);
            if (text.IsEmpty)
            {
                JsonValues.SkipValue(ref r); // absent values are sent as "" (e.g. preOpenPrice)
                continue;
            }
            string? e = MergeTickerField(name, text, spec, ref state, ref quoteSeen);
            if (e is not null) return Fail(e);
        }
        if (r.TokenType != JsonTokenType.EndObject) return Fail(ErrMissing);

        state.HasSnapshot = true;
        if (env.HasCs) state.CrossSequence = env.Cs;
        if (env.HasTs) state.ExchTsNs = WireNumbers.MsToNs(env.Ts);
        _tickers[id] = state;

        var ticker = new TickerEvent(id, state.ExchTsNs, localTsNs, state.LastPrice, state.MarkPrice, state.IndexPrice,
            state.FundingRate, state.NextFundingTimeNs, state.Turnover24h, state.Price24hPcnt);
        sink.OnTicker(ticker);
        if (_emitTickerBbo && quoteSeen && state.Bid1Ticks > 0 && state.Ask1Ticks > 0)
        {
            var bbo = new BboEvent(id, state.ExchTsNs, localTsNs, state.CrossSequence, state.Bid1Ticks, state.Bid1Lots, state.Ask1Ticks, state.Ask1Lots);
            sink.OnBbo(bbo);
        }
        return Counters.Record(WireParseStatus.Ok);
    }

    private static string? MergeTickerField(ReadOnlySpan<byte> name, ReadOnlySpan<byte> text, InstrumentSpec spec, ref BybitTickerState s, ref bool quoteSeen)
    {
        if (name.SequenceEqual("bid1Price"u8)) { quoteSeen = true; return spec.Price.TryParseSteps(text, out s.Bid1Ticks) && s.Bid1Ticks > 0 ? null : ErrPrice; }
        if (name.SequenceEqual("ask1Price"u8)) { quoteSeen = true; return spec.Price.TryParseSteps(text, out s.Ask1Ticks) && s.Ask1Ticks > 0 ? null : ErrPrice; }
        if (name.SequenceEqual("bid1Size"u8)) { quoteSeen = true; return spec.Qty.TryParseSteps(text, out s.Bid1Lots) && s.Bid1Lots >= 0 ? null : ErrQty; }
        if (name.SequenceEqual("ask1Size"u8)) { quoteSeen = true; return spec.Qty.TryParseSteps(text, out s.Ask1Lots) && s.Ask1Lots >= 0 ? null : ErrQty; }
        if (name.SequenceEqual("lastPrice"u8)) return Price(text, out s.LastPrice);
        if (name.SequenceEqual("markPrice"u8)) return Price(text, out s.MarkPrice);
        if (name.SequenceEqual("indexPrice"u8)) return Price(text, out s.IndexPrice);
        if (name.SequenceEqual("fundingRate"u8)) return Double(text, out s.FundingRate);
        if (name.SequenceEqual("turnover24h"u8)) return Double(text, out s.Turnover24h);
        if (name.SequenceEqual("price24hPcnt"u8)) return Double(text, out s.Price24hPcnt);
        if (name.SequenceEqual("nextFundingTime"u8))
        {
            if (!WireNumbers.TryParseInt64(text, out long ms) || !WireNumbers.IsTimeMs(ms)) return ErrNumber;
            s.NextFundingTimeNs = WireNumbers.MsToNs(ms);
        }
        return null;
    }

    private static string? Price(ReadOnlySpan<byte> text, out double value) =>
        WireNumbers.TryParseDouble(text, out value) && value > 0 ? null : ErrNumber;

    private static string? Double(ReadOnlySpan<byte> text, out double value) => WireNumbers.TryParseDouble(text, out value) ? null : ErrNumber;
}
