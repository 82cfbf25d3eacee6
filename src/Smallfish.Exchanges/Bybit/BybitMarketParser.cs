using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Bybit;

/// <summary>Reads Bybit v5 market endpoints' <c>result</c> payloads (bybit-v5.md 4.1 to 4.5).</summary>
internal static class BybitMarketParser
{
    /// <summary><c>/v5/market/time</c>: <c>timeNano</c> (ns) when present, else <c>timeSecond</c>.</summary>
    public static long ParseServerTimeMs(JsonElement result)
    {
        result.RequireObject("result");
        long nano = result.Long("timeNano");
        if (nano > 0) return nano / 1_000_000;
        long sec = result.Long("timeSecond");
        return sec > 0 ? sec * 1000 : throw new FormatException("no server time");
    }

    /// <summary>One page of <c>/v5/market/instruments-info</c> and the next page cursor ("" = last page).</summary>
    public static (List<ExchangeInstrument> Items, string Cursor) ParseInstruments(JsonElement result)
    {
        result.RequireObject("result");
        var list = new List<ExchangeInstrument>();
        foreach (var i in result.Items("list"))
        {
            var price = i.Obj("priceFilter");
            var lot = i.Obj("lotSizeFilter");
            var lev = i.Obj("leverageFilter");
            string status = i.Str("status");
            var spec = new InstrumentSpec(i.ReqStr("symbol"), price.Dec("tickSize"), lot.Dec("qtyStep"), lot.Dec("minOrderQty"), lot.Dec("minNotionalValue"));
            list.Add(new ExchangeInstrument(spec, status, status == "Trading", i.Str("baseCoin"), i.Str("quoteCoin"),
                price.Dec("minPrice"), price.Dec("maxPrice"), lot.Dec("maxOrderQty"), lot.Dec("maxMktOrderQty"), lev.Dec("maxLeverage")));
        }
        return (list, result.Str("nextPageCursor"));
    }

    /// <summary><c>/v5/market/tickers</c>; <c>price24hPcnt</c> is already a fraction.</summary>
    public static List<ExchangeTicker> ParseTickers(JsonElement result)
    {
        result.RequireObject("result");
        var list = new List<ExchangeTicker>();
        foreach (var t in result.Items("list"))
        {
            list.Add(new ExchangeTicker(t.ReqStr("symbol"), t.Dec("lastPrice"), t.Dec("markPrice"), t.Dec("indexPrice"),
                t.Dec("turnover24h"), t.Dec("price24hPcnt"), t.Dec("fundingRate"), t.Long("nextFundingTime"))
            {
                HighPrice24h = t.Dec("highPrice24h"),
                LowPrice24h = t.Dec("lowPrice24h"),
            });
        }
        return list;
    }

    /// <summary><c>/v5/market/kline</c>: rows <c>[start, open, high, low, close, volume, turnover]</c> newest first; returned oldest first.</summary>
    public static List<ExchangeKline> ParseKlines(JsonElement result)
    {
        result.RequireObject("result");
        var list = new List<ExchangeKline>();
        foreach (var r in result.Items("list"))
        {
            list.Add(new ExchangeKline(
                JsonFields.ToLong(r.At(0), "start"),
                JsonFields.ToDecimal(r.At(1), "open"),
                JsonFields.ToDecimal(r.At(2), "high"),
                JsonFields.ToDecimal(r.At(3), "low"),
                JsonFields.ToDecimal(r.At(4), "close"),
                JsonFields.ToDecimal(r.At(5), "volume"),
                JsonFields.ToDecimal(r.At(6), "turnover")));
        }
        list.Reverse();
        return list;
    }

    /// <summary><c>/v5/market/recent-trade</c> rows (newest first on the wire), returned oldest first. <c>side</c> is the taker's.</summary>
    public static List<ExchangeTrade> ParseRecentTrades(JsonElement result)
    {
        result.RequireObject("result");
        var list = new List<ExchangeTrade>();
        foreach (var t in result.Items("list"))
        {
            list.Add(new ExchangeTrade(t.ReqStr("symbol"), t.ReqStr("execId"), t.Dec("price"), t.Dec("size"), BybitMapping.ParseSide(t.ReqStr("side")), t.Long("time")));
        }
        // The wire is newest first: reverse, then a STABLE sort by time, so prints in the same millisecond keep their order.
        list.Reverse();
        return list.OrderBy(x => x.TimeMs).ToList();
    }

    /// <summary><c>/v5/market/funding/history</c> rows, returned oldest first.</summary>
    public static List<ExchangeFundingRate> ParseFundingHistory(JsonElement result)
    {
        result.RequireObject("result");
        var list = new List<ExchangeFundingRate>();
        foreach (var f in result.Items("list")) list.Add(new ExchangeFundingRate(f.ReqStr("symbol"), f.Dec("fundingRate"), f.Long("fundingRateTimestamp")));
        list.Reverse();
        return list.OrderBy(x => x.TimeMs).ToList();
    }

    /// <summary><c>/v5/market/orderbook</c> as a snapshot (<c>u</c>, <c>seq</c>, <c>ts</c>).</summary>
    public static BookUpdate ParseBook(JsonElement result, InstrumentSpec spec, int symbolId, long localTsNs)
    {
        result.RequireObject("result");
        var book = BookSnapshotReader.NewSnapshot(symbolId, result.Long("u"), result.Long("seq"), result.Long("ts"), localTsNs);
        BookSnapshotReader.ReadLevels(result.Items("b"), spec, book.Bids);
        BookSnapshotReader.ReadLevels(result.Items("a"), spec, book.Asks);
        return book;
    }
}
