using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Binance;

/// <summary>Reads Binance USD-M market endpoints (binance-usdm.md 4.1, 4.2).</summary>
internal static class BinanceMarketParser
{
    public static long ParseServerTimeMs(JsonElement root)
    {
        root.RequireObject("time");
        long t = root.Long("serverTime");
        return t > 0 ? t : throw new FormatException("no serverTime");
    }

    /// <summary><c>exchangeInfo.symbols[]</c>: tick from PRICE_FILTER, step and min qty from LOT_SIZE, min notional from MIN_NOTIONAL.<c>notional</c>.</summary>
    public static List<ExchangeInstrument> ParseExchangeInfo(JsonElement root)
    {
        root.RequireObject("exchangeInfo");
        var list = new List<ExchangeInstrument>();
        foreach (var s in root.Items("symbols"))
        {
            decimal tick = 0, minPrice = 0, maxPrice = 0, step = 0, minQty = 0, maxQty = 0, maxMarket = 0, minNotional = 0;
            foreach (var f in s.Items("filters"))
            {
                switch (f.Str("filterType"))
                {
                    case "PRICE_FILTER": tick = f.Dec("tickSize"); minPrice = f.Dec("minPrice"); maxPrice = f.Dec("maxPrice"); break;
                    case "LOT_SIZE": step = f.Dec("stepSize"); minQty = f.Dec("minQty"); maxQty = f.Dec("maxQty"); break;
                    case "MARKET_LOT_SIZE": maxMarket = f.Dec("maxQty"); break;
                    case "MIN_NOTIONAL": minNotional = f.Dec("notional"); break;
                }
            }
            string status = s.Str("status");
            var spec = new InstrumentSpec(s.ReqStr("symbol"), tick, step, minQty, minNotional);
            list.Add(new ExchangeInstrument(spec, status, status == "TRADING", s.Str("baseAsset"), s.Str("quoteAsset"),
                minPrice, maxPrice, maxQty, maxMarket, 0m));
        }
        return list;
    }

    /// <summary>Merges <c>ticker/24hr</c> rows with <c>premiumIndex</c> rows (mark, index, funding) by symbol. Either may be one object or an array.</summary>
    public static List<ExchangeTicker> MergeTickers(JsonElement stats, JsonElement premium)
    {
        var funding = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in Rows(premium)) funding[p.ReqStr("symbol")] = p;
        var list = new List<ExchangeTicker>();
        foreach (var t in Rows(stats))
        {
            string symbol = t.ReqStr("symbol");
            funding.TryGetValue(symbol, out var p);
            list.Add(new ExchangeTicker(symbol, t.Dec("lastPrice"), p.Dec("markPrice"), p.Dec("indexPrice"), t.Dec("quoteVolume"),
                t.Dec("priceChangePercent") / 100m, p.Dec("lastFundingRate"), p.Long("nextFundingTime"))
            {
                HighPrice24h = t.Dec("highPrice"),
                LowPrice24h = t.Dec("lowPrice"),
            });
        }
        return list;
    }

    /// <summary>Klines, oldest first: <c>[openTime, open, high, low, close, volume, closeTime, quoteVolume, ...]</c>.</summary>
    public static List<ExchangeKline> ParseKlines(JsonElement root)
    {
        root.RequireArray("klines");
        var list = new List<ExchangeKline>();
        foreach (var r in root.EnumerateArray())
        {
            list.Add(new ExchangeKline(
                JsonFields.ToLong(r.At(0), "openTime"),
                JsonFields.ToDecimal(r.At(1), "open"),
                JsonFields.ToDecimal(r.At(2), "high"),
                JsonFields.ToDecimal(r.At(3), "low"),
                JsonFields.ToDecimal(r.At(4), "close"),
                JsonFields.ToDecimal(r.At(5), "volume"),
                JsonFields.ToDecimal(r.At(7), "quoteVolume")));
        }
        return list;
    }

    /// <summary><c>/fapi/v1/aggTrades</c> rows <c>{a, p, q, f, l, T, m}</c>; <c>m</c> = buyer is maker, so true means the taker sold.</summary>
    public static List<ExchangeTrade> ParseAggTrades(JsonElement root, string symbol)
    {
        root.RequireArray("aggTrades");
        var list = new List<ExchangeTrade>();
        foreach (var t in root.EnumerateArray())
        {
            list.Add(new ExchangeTrade(symbol, t.ReqStr("a"), t.Dec("p"), t.Dec("q"), t.Bool("m") ? Core.Domain.Side.Sell : Core.Domain.Side.Buy, t.Long("T")));
        }
        return list;
    }

    /// <summary><c>/fapi/v1/fundingRate</c> rows, ascending.</summary>
    public static List<ExchangeFundingRate> ParseFundingRates(JsonElement root)
    {
        root.RequireArray("fundingRate");
        var list = new List<ExchangeFundingRate>();
        foreach (var f in root.EnumerateArray()) list.Add(new ExchangeFundingRate(f.ReqStr("symbol"), f.Dec("fundingRate"), f.Long("fundingTime")));
        return list;
    }

    /// <summary><c>/fapi/v1/depth</c> as a snapshot with <see cref="BookUpdate.LastUpdateId"/> = <c>lastUpdateId</c>.</summary>
    public static BookUpdate ParseDepth(JsonElement root, InstrumentSpec spec, int symbolId, long localTsNs)
    {
        root.RequireObject("depth");
        long last = root.Long("lastUpdateId");
        if (last <= 0) throw new FormatException("no lastUpdateId");
        var book = BookSnapshotReader.NewSnapshot(symbolId, last, 0, root.Long("E"), localTsNs);
        BookSnapshotReader.ReadLevels(root.Items("bids"), spec, book.Bids);
        BookSnapshotReader.ReadLevels(root.Items("asks"), spec, book.Asks);
        return book;
    }

    private static IEnumerable<JsonElement> Rows(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => e.EnumerateArray(),
        JsonValueKind.Object => new[] { e },
        _ => throw new FormatException("ticker payload is neither an object nor an array"),
    };
}
