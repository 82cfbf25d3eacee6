using System.Globalization;
using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Time;
using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Venue;
using Smallfish.Wire.Bybit;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Bybit;

/// <summary>Bybit v5 market endpoints (bybit-v5.md 4.1 to 4.7), served from the venue's book and the replayed trades.</summary>
internal sealed class BybitMarketHandlers
{
    private readonly EmulatorVenue _venue;
    private readonly BybitPublisher _publisher;
    private readonly VenueEmulatorOptions _options;

    public BybitMarketHandlers(EmulatorVenue venue, BybitPublisher publisher, VenueEmulatorOptions options)
    {
        _venue = venue;
        _publisher = publisher;
        _options = options;
    }

    public void Map(RestRouter r)
    {
        r.Map("GET", "/v5/market/time", RestSecurity.None, Time);
        r.Map("GET", "/v5/market/instruments-info", RestSecurity.None, Instruments);
        r.Map("GET", "/v5/market/tickers", RestSecurity.None, Tickers);
        r.Map("GET", "/v5/market/kline", RestSecurity.None, Klines);
        r.Map("GET", "/v5/market/orderbook", RestSecurity.None, OrderBook);
        r.Map("GET", "/v5/market/recent-trade", RestSecurity.None, RecentTrades);
        r.Map("GET", "/v5/market/funding/history", RestSecurity.None, FundingHistory);
    }

    private RestReply Time(RestRequest q) => BybitReplies.Ok(q.NowMs, w =>
    {
        WireText.WriteLongString(w, "timeSecond"u8, q.NowMs / 1000);
        WireText.WriteLongString(w, "timeNano"u8, q.NowMs * TimeProviderExtensions.NsPerMs);
    });

    private RestReply Instruments(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (!IsLinear(p)) return BybitReplies.Error(BybitReplies.ParamsError, "params error: category only support linear", q.NowMs);
        string? symbol = p.Str("symbol");
        int limit = Math.Clamp(p.Int("limit", 500), 1, 1000);
        int offset = Cursor(p.Str("cursor"));
        var list = _venue.Instruments.Where(i => symbol is null || i.Symbol == symbol).ToList();
        return BybitReplies.Ok(q.NowMs, w =>
        {
            w.WriteString("category"u8, "linear"u8);
            w.WriteStartArray("list"u8);
            foreach (var spec in list.Skip(offset).Take(limit))
            {
                w.WriteStartObject();
                w.WriteString("symbol"u8, spec.Symbol);
                w.WriteString("contractType"u8, "LinearPerpetual"u8);
                w.WriteString("status"u8, "Trading"u8);
                w.WriteString("baseCoin"u8, spec.Symbol.EndsWith("USDT", StringComparison.Ordinal) ? spec.Symbol[..^4] : spec.Symbol);
                w.WriteString("quoteCoin"u8, "USDT"u8);
                w.WriteString("settleCoin"u8, "USDT"u8);
                w.WriteString("launchTime"u8, "1584230400000"u8);
                w.WriteString("deliveryTime"u8, "0"u8);
                w.WriteString("deliveryFeeRate"u8, ""u8);
                w.WriteString("priceScale"u8, spec.Price.StepDecimals.ToString(CultureInfo.InvariantCulture));
                w.WriteStartObject("leverageFilter"u8);
                w.WriteString("minLeverage"u8, "1"u8);
                w.WriteString("maxLeverage"u8, _options.MaxLeverage.ToString(CultureInfo.InvariantCulture) + ".00");
                w.WriteString("leverageStep"u8, "0.01"u8);
                w.WriteEndObject();
                w.WriteStartObject("priceFilter"u8);
                WireText.WriteSteps(w, "minPrice"u8, 1, spec.Price);
                WireText.WriteSteps(w, "maxPrice"u8, MaxTicks(spec), spec.Price);
                WireText.WriteSteps(w, "tickSize"u8, 1, spec.Price);
                w.WriteEndObject();
                w.WriteStartObject("lotSizeFilter"u8);
                WireText.WriteSteps(w, "maxOrderQty"u8, MaxLots(spec), spec.Qty);
                WireText.WriteSteps(w, "minOrderQty"u8, Math.Max(1, spec.MinLots), spec.Qty);
                WireText.WriteSteps(w, "qtyStep"u8, 1, spec.Qty);
                WireText.WriteSteps(w, "postOnlyMaxOrderQty"u8, MaxLots(spec), spec.Qty);
                WireText.WriteSteps(w, "maxMktOrderQty"u8, MaxLots(spec) / 10, spec.Qty);
                WireText.WriteDecimal(w, "minNotionalValue"u8, spec.MinNotional);
                w.WriteEndObject();
                w.WriteBoolean("unifiedMarginTrade"u8, true);
                w.WriteNumber("fundingInterval"u8, 480);
                w.WriteString("copyTrading"u8, "both"u8);
                w.WriteString("upperFundingRate"u8, "0.005"u8);
                w.WriteString("lowerFundingRate"u8, "-0.005"u8);
                w.WriteBoolean("isPreListing"u8, false);
                w.WriteNull("preListingInfo"u8);
                w.WriteStartObject("riskParameters"u8);
                w.WriteString("priceLimitRatioX"u8, "0.01"u8);
                w.WriteString("priceLimitRatioY"u8, "0.02"u8);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("nextPageCursor"u8, offset + limit < list.Count ? (offset + limit).ToString(CultureInfo.InvariantCulture) : "");
        });
    }

    private RestReply Tickers(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (!IsLinear(p)) return BybitReplies.Error(BybitReplies.ParamsError, "params error: category only support linear", q.NowMs);
        string? symbol = p.Str("symbol");
        if (symbol is not null && !_venue.TryGetSymbol(symbol, out _)) return BybitReplies.Error(BybitReplies.ParamsError, "params error: symbol invalid", q.NowMs);
        lock (_venue.Gate)
        {
            return BybitReplies.Ok(q.NowMs, w =>
            {
                w.WriteString("category"u8, "linear"u8);
                w.WriteStartArray("list"u8);
                for (int i = 0; i < _venue.Instruments.Count; i++)
                {
                    if (symbol is not null && _venue.Instruments[i].Symbol != symbol) continue;
                    var m = _venue.Markets[i];
                    w.WriteStartObject();
                    BybitFrameWriter.WriteTickerFields(w, m.Spec, m.Ticker(_venue.Book(i), q.NowMs), m.Direction);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        }
    }

    private RestReply Klines(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (!TrySymbol(p, q, out int id, out var error)) return error;
        int minutes = p.Str("interval") switch
        {
            "1" => 1, "3" => 3, "5" => 5, "15" => 15, "30" => 30, "60" => 60, "120" => 120, "240" => 240, "360" => 360, "720" => 720,
            "D" => 1440, "W" => 10080, "M" => 43200, _ => 0,
        };
        if (minutes == 0) return BybitReplies.Error(BybitReplies.ParamsError, "params error: invalid interval", q.NowMs);
        int limit = Math.Clamp(p.Int("limit", 200), 1, 1000);
        List<MinuteBar> bars;
        lock (_venue.Gate) bars = _venue.Markets[id].Klines.Candles(minutes, limit, q.NowMs);
        var spec = _venue.Instruments[id];
        return BybitReplies.Ok(q.NowMs, w =>
        {
            w.WriteString("symbol"u8, spec.Symbol);
            w.WriteString("category"u8, "linear"u8);
            w.WriteStartArray("list"u8);
            for (int i = bars.Count - 1; i >= 0; i--)
            {
                var b = bars[i];
                w.WriteStartArray();
                w.WriteStringValue(b.OpenTimeMs.ToString(CultureInfo.InvariantCulture));
                WireText.WriteStepsValue(w, b.Open, spec.Price);
                WireText.WriteStepsValue(w, b.High, spec.Price);
                WireText.WriteStepsValue(w, b.Low, spec.Price);
                WireText.WriteStepsValue(w, b.Close, spec.Price);
                WireText.WriteStepsValue(w, b.VolumeLots, spec.Qty);
                w.WriteStringValue(b.Turnover.ToString(CultureInfo.InvariantCulture));
                w.WriteEndArray();
            }
            w.WriteEndArray();
        });
    }

    private RestReply OrderBook(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (!TrySymbol(p, q, out int id, out var error)) return error;
        int limit = Math.Clamp(p.Int("limit", 25), 1, 1000);
        var spec = _venue.Instruments[id];
        var (snapshot, seq) = _publisher.RestSnapshot(id, limit);
        return BybitReplies.Ok(q.NowMs, w =>
        {
            w.WriteString("s"u8, spec.Symbol);
            BybitFrameWriter.WriteLevels(w, "b"u8, snapshot.Bids, spec);
            BybitFrameWriter.WriteLevels(w, "a"u8, snapshot.Asks, spec);
            w.WriteNumber("ts"u8, q.NowMs);
            w.WriteNumber("u"u8, snapshot.LastUpdateId);
            w.WriteNumber("seq"u8, seq);
            w.WriteNumber("cts"u8, q.NowMs);
        });
    }

    private RestReply RecentTrades(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (!TrySymbol(p, q, out int id, out var error)) return error;
        int limit = Math.Clamp(p.Int("limit", 500), 1, 1000);
        List<PublicTradeRecord> trades;
        lock (_venue.Gate) trades = _venue.Markets[id].RecentTrades(limit);
        var spec = _venue.Instruments[id];
        return BybitReplies.Ok(q.NowMs, w =>
        {
            w.WriteString("category"u8, "linear"u8);
            w.WriteStartArray("list"u8);
            for (int i = trades.Count - 1; i >= 0; i--)
            {
                var t = trades[i];
                w.WriteStartObject();
                WireText.WriteLongString(w, "execId"u8, t.TradeId);
                w.WriteString("symbol"u8, spec.Symbol);
                WireText.WriteSteps(w, "price"u8, t.PriceTicks, spec.Price);
                WireText.WriteSteps(w, "size"u8, t.QtyLots, spec.Qty);
                w.WriteString("side"u8, t.Taker == Side.Buy ? "Buy"u8 : "Sell"u8);
                WireText.WriteLongString(w, "time"u8, t.TimeMs);
                w.WriteBoolean("isBlockTrade"u8, false);
                w.WriteBoolean("isRPITrade"u8, false);
                w.WriteString("mP"u8, ""u8);
                w.WriteString("iP"u8, ""u8);
                w.WriteString("mIv"u8, ""u8);
                w.WriteString("iv"u8, ""u8);
                w.WriteNumber("seq"u8, t.TradeId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private RestReply FundingHistory(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (!TrySymbol(p, q, out int id, out var error)) return error;
        int limit = Math.Clamp(p.Int("limit", 200), 1, 200);
        List<(long TimeMs, decimal Rate)> history;
        lock (_venue.Gate) history = _venue.Markets[id].FundingHistory.TakeLast(limit).ToList();
        return BybitReplies.Ok(q.NowMs, w =>
        {
            w.WriteString("category"u8, "linear"u8);
            w.WriteStartArray("list"u8);
            for (int i = history.Count - 1; i >= 0; i--)
            {
                w.WriteStartObject();
                w.WriteString("symbol"u8, _venue.Instruments[id].Symbol);
                WireText.WriteDecimal(w, "fundingRate"u8, history[i].Rate);
                WireText.WriteLongString(w, "fundingRateTimestamp"u8, history[i].TimeMs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private bool TrySymbol(BybitParams p, RestRequest q, out int id, out RestReply error)
    {
        error = null!;
        id = -1;
        if (!IsLinear(p)) error = BybitReplies.Error(BybitReplies.ParamsError, "params error: category only support linear", q.NowMs);
        else if (p.Str("symbol") is not { } s || !_venue.TryGetSymbol(s, out id)) error = BybitReplies.Error(BybitReplies.ParamsError, "params error: symbol invalid", q.NowMs);
        return error is null;
    }

    private static bool IsLinear(BybitParams p) => p.Str("category") is null or "linear";

    internal static int Cursor(string? cursor) =>
        int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out int offset) ? offset : 0;

    internal static long MaxTicks(Core.Instruments.InstrumentSpec spec) => spec.Price.ToSteps(Math.Max(1_000_000m, spec.TickSize * 1_000_000m), MidpointRounding.ToZero);

    internal static long MaxLots(Core.Instruments.InstrumentSpec spec) => Math.Max(spec.MinLots, 1) * 1_000_000;
}
