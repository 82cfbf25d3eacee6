using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Wire.Json;

namespace Smallfish.Wire.Binance;

public sealed partial class BinanceMarketDataParser
{
    private const string ErrUnterminated = "message ends inside an object";
    private const string ErrSymbolsDisagree = "the stream name and the payload's symbol disagree";

    private enum EventKind : byte
    {
        None,
        DepthUpdate,
        Trade,
        AggTrade,
        BookTicker,
        MarkPrice,
        Ignored,
        Other,
    }

    /// <summary>Everything one message may carry, gathered in a single pass; spans point into the message bytes.</summary>
    private ref struct Fields
    {
        public EventKind Event;
        public bool IsSnapshot;
        public bool IsControl;
        public bool PartialDepth;
        public int SymbolId;
        public InstrumentSpec? Spec;
        public InstrumentSpec? LevelSpec; // the grid the level arrays were read with when read in place
        public bool UnknownSymbol;
        public long E, T, FirstUpdateId, LastUpdateId, PrevUpdateId, TradeId, AggId;
        public bool HasE, HasT, HasFirstId, HasLastId, HasPrevId, HasTradeId, HasAggId, HasMaker, BuyerIsMaker;
        public bool HasBids, HasAsks;
        public ReadOnlySpan<byte> P, Q, I, R, X, BidPx, BidQty, AskPx, AskQty;
        public ReadOnlySpan<byte> DeferredBids, DeferredAsks; // level arrays seen before the symbol was known
    }

    // Reader on a StartObject; reads the object's properties up to its EndObject. Returns an error text or null.
    private string? ReadObject(ref Utf8JsonReader r, ReadOnlySpan<byte> json, ref Fields f)
    {
        while (r.Read())
        {
            if (r.TokenType == JsonTokenType.EndObject) return f.LevelSpec is not null && f.LevelSpec != f.Spec ? ErrSymbolsDisagree : null;
            ReadOnlySpan<byte> name = r.ValueIsEscaped ? default : r.ValueSpan;
            if (!r.Read()) return ErrUnterminated;
            string? e = ReadProperty(ref r, json, name, ref f);
            if (e is not null) return e;
        }
        return ErrUnterminated;
    }

    private string? ReadProperty(ref Utf8JsonReader r, ReadOnlySpan<byte> json, ReadOnlySpan<byte> name, ref Fields f)
    {
        if (name.Length == 1)
        {
            switch (name[0])
            {
                case (byte)'e': f.Event = Classify(JsonValues.Text(ref r)); return null;
                case (byte)'E': return Time(ref r, out f.E, out f.HasE);
                case (byte)'T': return Time(ref r, out f.T, out f.HasT);
                case (byte)'s': ResolveSymbol(JsonValues.Text(ref r), ref f); return null;
                case (byte)'U': return Number(ref r, out f.FirstUpdateId, out f.HasFirstId);
                case (byte)'u': return Number(ref r, out f.LastUpdateId, out f.HasLastId);
                case (byte)'t': return Number(ref r, out f.TradeId, out f.HasTradeId);
                case (byte)'p': f.P = JsonValues.Text(ref r); return null;
                case (byte)'q': f.Q = JsonValues.Text(ref r); return null;
                case (byte)'i': f.I = JsonValues.Text(ref r); return null;
                case (byte)'r': f.R = JsonValues.Text(ref r); return null;
                case (byte)'X': f.X = JsonValues.Text(ref r); return null;
                case (byte)'B': f.BidQty = JsonValues.Text(ref r); return null;
                case (byte)'A': f.AskQty = JsonValues.Text(ref r); return null;
                case (byte)'m':
                    if (r.TokenType is not (JsonTokenType.True or JsonTokenType.False)) return ErrMissing;
                    f.HasMaker = true;
                    f.BuyerIsMaker = r.TokenType == JsonTokenType.True;
                    return null;
                case (byte)'b':
                    if (r.TokenType == JsonTokenType.StartArray) return ReadLevels(ref r, json, ref f, bids: true);
                    f.BidPx = JsonValues.Text(ref r);
                    return null;
                case (byte)'a':
                    if (r.TokenType == JsonTokenType.StartArray) return ReadLevels(ref r, json, ref f, bids: false);
                    if (r.TokenType == JsonTokenType.Number) return Number(ref r, out f.AggId, out f.HasAggId);
                    f.AskPx = JsonValues.Text(ref r);
                    return null;
            }
        }
        else if (name.SequenceEqual("pu"u8)) return Number(ref r, out f.PrevUpdateId, out f.HasPrevId);
        else if (name.SequenceEqual("bids"u8)) return ReadLevels(ref r, json, ref f, bids: true);
        else if (name.SequenceEqual("asks"u8)) return ReadLevels(ref r, json, ref f, bids: false);
        else if (name.SequenceEqual("lastUpdateId"u8))
        {
            f.IsSnapshot = true;
            return Number(ref r, out f.LastUpdateId, out f.HasLastId);
        }
        else if (name.SequenceEqual("stream"u8))
        {
            ReadStreamName(JsonValues.Text(ref r), ref f);
            return null;
        }
        else if (name.SequenceEqual("data"u8))
        {
            if (r.TokenType == JsonTokenType.StartObject) return ReadObject(ref r, json, ref f);
            f.Event = EventKind.Other; // e.g. !markPrice@arr carries an array: not handled here
            JsonValues.SkipValue(ref r);
            return null;
        }
        else if (name.SequenceEqual("result"u8) || name.SequenceEqual("id"u8))
        {
            f.IsControl = true; // {"result":null,"id":1} subscription acks
        }
        JsonValues.SkipValue(ref r);
        return null;
    }

    private string? ReadLevels(ref Utf8JsonReader r, ReadOnlySpan<byte> json, ref Fields f, bool bids)
    {
        if (r.TokenType != JsonTokenType.StartArray) return JsonLevels.ErrNotArray;
        if (bids) f.HasBids = true;
        else f.HasAsks = true;
        if (f.Spec is not null && !f.UnknownSymbol)
        {
            f.LevelSpec ??= f.Spec;
            if (f.LevelSpec == f.Spec) return JsonLevels.Read(ref r, f.Spec, bids ? _book.Bids : _book.Asks);
        }
        // Symbol not known yet (or unknown): keep the array's bytes and read them once the symbol is resolved.
        int start = (int)r.TokenStartIndex;
        r.Skip();
        var slice = json.Slice(start, (int)r.BytesConsumed - start);
        if (bids) f.DeferredBids = slice;
        else f.DeferredAsks = slice;
        return null;
    }

    private void ResolveSymbol(ReadOnlySpan<byte> name, ref Fields f)
    {
        if (_resolver.TryResolve(name, out int id, out var spec))
        {
            f.SymbolId = id;
            f.Spec = spec;
            f.UnknownSymbol = false;
        }
        else
        {
            f.SymbolId = -1;
            f.Spec = null;
            f.UnknownSymbol = true;
        }
    }

    // "btcusdt@depth@0ms": the symbol is the part before '@' (lower case); "@depth5", "@depth10", "@depth20" are partial books.
    private void ReadStreamName(ReadOnlySpan<byte> stream, ref Fields f)
    {
        int at = stream.IndexOf((byte)'@');
        if (at <= 0) return;
        var rest = stream[(at + 1)..];
        if (rest.Length > 5 && rest.StartsWith("depth"u8) && (uint)(rest[5] - '0') <= 9) f.PartialDepth = true;
        if (f.SymbolId < 0 && !f.UnknownSymbol) ResolveSymbol(stream[..at], ref f);
    }

    private static EventKind Classify(ReadOnlySpan<byte> e)
    {
        if (e.SequenceEqual("depthUpdate"u8)) return EventKind.DepthUpdate;
        if (e.SequenceEqual("bookTicker"u8)) return EventKind.BookTicker;
        if (e.SequenceEqual("trade"u8)) return EventKind.Trade;
        if (e.SequenceEqual("aggTrade"u8)) return EventKind.AggTrade;
        if (e.SequenceEqual("markPriceUpdate"u8)) return EventKind.MarkPrice;
        if (e.SequenceEqual("kline"u8) || e.SequenceEqual("continuous_kline"u8)) return EventKind.Ignored;
        return EventKind.Other;
    }

    private static string? Time(ref Utf8JsonReader r, out long value, out bool present)
    {
        present = JsonValues.TryTimeMs(ref r, out value);
        return present ? null : ErrNumber;
    }

    private static string? Number(ref Utf8JsonReader r, out long value, out bool present)
    {
        present = JsonValues.TryInt64(ref r, out value);
        return present ? null : ErrNumber;
    }
}
