using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Wire.Json;
using Smallfish.Wire.Text;

namespace Smallfish.Wire.Binance;

public sealed partial class BinanceMarketDataParser
{
    // The combined-stream messages as Binance writes them (compact, keys in this order). A message of exactly one of
    // these shapes is read by a strict scanner; anything else (other order, whitespace, escapes, unknown symbol, a
    // value the grid rejects, a partial-depth stream) goes to the general Utf8JsonReader path, which makes every
    // decision about malformed input. The scanner only ever produces what the general path would for the same bytes.
    //   {"stream":"..","data":{"e":"depthUpdate","E":n,"T":n,"s":"SYM","U":n,"u":n,"pu":n,"b":[["p","q"],..],"a":[..]}}
    //   {"stream":"..","data":{"e":"bookTicker","u":n,"s":"SYM","b":"p","B":"q","a":"p","A":"q","T":n,"E":n}}
    //   {"stream":"..","data":{"e":"trade","E":n,"T":n,"s":"SYM","t":n,"p":"p","q":"q","X":"..","m":true|false}}
    // True when the message had one of these shapes and its event was pushed (a depth update is left in f and the
    // book buffer for Emit); false when nothing was pushed and the general path must read the message.
    private bool TryFast(ReadOnlySpan<byte> json, long localTsNs, IMarketEventSink sink, ref Fields f)
    {
        var c = new FlatJsonCursor(json);
        if (!c.Lit("{\"stream\":\""u8) || !c.Str(out var stream)) return false;
        int at = stream.IndexOf((byte)'@');
        if (at <= 0) return false;
        var kind = stream[(at + 1)..];
        if (kind.Length > 5 && kind.StartsWith("depth"u8) && (uint)(kind[5] - '0') <= 9) return false; // partial book
        if (!c.Lit(",\"data\":{\"e\":\""u8) || !c.Str(out var e)) return false;
        if (e.SequenceEqual("bookTicker"u8)) return FastBookTicker(ref c, ref f, localTsNs, sink);
        if (e.SequenceEqual("depthUpdate"u8)) return FastDepth(ref c, ref f);
        if (e.SequenceEqual("trade"u8)) return FastTrade(ref c, ref f, localTsNs, sink);
        return false;
    }

    private bool FastDepth(ref FlatJsonCursor c, ref Fields f)
    {
        if (!c.Lit(",\"E\":"u8) || !c.Uint(out f.E) || !WireNumbers.IsTimeMs(f.E)) return false;
        if (!c.Lit(",\"T\":"u8) || !c.Uint(out f.T) || !WireNumbers.IsTimeMs(f.T)) return false;
        if (!FastSymbol(ref c, ref f)) return false;
        if (!c.Lit(",\"U\":"u8) || !c.Uint(out f.FirstUpdateId)) return false;
        if (!c.Lit(",\"u\":"u8) || !c.Uint(out f.LastUpdateId)) return false;
        if (!c.Lit(",\"pu\":"u8) || !c.Uint(out f.PrevUpdateId)) return false;
        if (!c.Lit(",\"b\":"u8) || !FastLevels(ref c, f.Spec!, _book.Bids)) return false;
        if (!c.Lit(",\"a\":"u8) || !FastLevels(ref c, f.Spec!, _book.Asks)) return false;
        if (!c.Lit("}}"u8) || !c.AtEnd) return false;
        f.Event = EventKind.DepthUpdate;
        f.HasE = f.HasT = f.HasFirstId = f.HasLastId = f.HasPrevId = f.HasBids = f.HasAsks = true;
        f.LevelSpec = f.Spec;
        return true;
    }

    private bool FastBookTicker(ref FlatJsonCursor c, ref Fields f, long localTsNs, IMarketEventSink sink)
    {
        if (!c.Lit(",\"u\":"u8) || !c.Uint(out f.LastUpdateId)) return false;
        if (!FastSymbol(ref c, ref f)) return false;
        if (!c.Lit(",\"b\":\""u8) || !c.Str(out f.BidPx)) return false;
        if (!c.Lit(",\"B\":\""u8) || !c.Str(out f.BidQty)) return false;
        if (!c.Lit(",\"a\":\""u8) || !c.Str(out f.AskPx)) return false;
        if (!c.Lit(",\"A\":\""u8) || !c.Str(out f.AskQty)) return false;
        if (!c.Lit(",\"T\":"u8) || !c.Uint(out f.T) || !WireNumbers.IsTimeMs(f.T)) return false;
        if (!c.Lit(",\"E\":"u8) || !c.Uint(out f.E) || !WireNumbers.IsTimeMs(f.E)) return false;
        var spec = f.Spec!;
        // Values the grid rejects are left to the general path, which reports them.
        if (!spec.Price.TryParseSteps(f.BidPx, out long bid) || bid <= 0 || !spec.Price.TryParseSteps(f.AskPx, out long ask) || ask <= 0) return false;
        if (!spec.Qty.TryParseSteps(f.BidQty, out long bq) || bq < 0 || !spec.Qty.TryParseSteps(f.AskQty, out long aq) || aq < 0) return false;
        if (!c.Lit("}}"u8) || !c.AtEnd) return false;
        sink.OnBbo(new BboEvent(f.SymbolId, WireNumbers.MsToNs(f.E), localTsNs, f.LastUpdateId, bid, bq, ask, aq));
        return true;
    }

    private bool FastTrade(ref FlatJsonCursor c, ref Fields f, long localTsNs, IMarketEventSink sink)
    {
        if (!c.Lit(",\"E\":"u8) || !c.Uint(out f.E) || !WireNumbers.IsTimeMs(f.E)) return false;
        if (!c.Lit(",\"T\":"u8) || !c.Uint(out f.T) || !WireNumbers.IsTimeMs(f.T)) return false;
        if (!FastSymbol(ref c, ref f)) return false;
        if (!c.Lit(",\"t\":"u8) || !c.Uint(out f.TradeId)) return false;
        if (!c.Lit(",\"p\":\""u8) || !c.Str(out f.P)) return false;
        if (!c.Lit(",\"q\":\""u8) || !c.Str(out f.Q)) return false;
        if (!c.Lit(",\"X\":\""u8) || !c.Str(out f.X)) return false;
        if (c.Lit(",\"m\":true"u8)) f.BuyerIsMaker = true;
        else if (!c.Lit(",\"m\":false"u8)) return false;
        var spec = f.Spec!;
        if (!spec.Price.TryParseSteps(f.P, out long price) || price <= 0 || !spec.Qty.TryParseSteps(f.Q, out long qty) || qty <= 0) return false;
        if (!c.Lit("}}"u8) || !c.AtEnd) return false;
        var flags = f.X.IsEmpty || f.X.SequenceEqual("MARKET"u8) ? TradeFlags.None : TradeFlags.Liquidation; // as in EmitTrade
        sink.OnTrade(new TradeEvent(f.SymbolId, WireNumbers.MsToNs(f.T), localTsNs, price, qty, f.BuyerIsMaker ? Side.Sell : Side.Buy, f.TradeId, flags));
        return true;
    }

    private bool FastSymbol(ref FlatJsonCursor c, ref Fields f)
    {
        if (!c.Lit(",\"s\":\""u8) || !c.Str(out var name)) return false;
        if (!_resolver.TryResolve(name, out int id, out var spec)) return false;
        f.SymbolId = id;
        f.Spec = spec;
        f.UnknownSymbol = false;
        return true;
    }

    // [["price","size"],...] straight into the book buffer; exactly two strings per level.
    private static bool FastLevels(ref FlatJsonCursor c, Core.Instruments.InstrumentSpec spec, LevelList target)
    {
        if (!c.Byte((byte)'[')) return false;
        if (c.Byte((byte)']')) return true;
        while (true)
        {
            if (!c.Lit("[\""u8) || !c.Str(out var px) || !c.Lit(",\""u8) || !c.Str(out var qty) || !c.Byte((byte)']')) return false;
            if (!spec.Price.TryParseSteps(px, out long price) || price <= 0) return false;
            if (!spec.Qty.TryParseSteps(qty, out long lots) || lots < 0) return false;
            target.Add(price, lots);
            if (c.Byte((byte)']')) return true;
            if (!c.Byte((byte)',')) return false;
        }
    }
}
