using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Venue;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Binance;

/// <summary>Binance USD-M market endpoints (binance-usdm.md 4.1, 4.2), served from the venue's book and the replayed trades.</summary>
internal sealed partial class BinanceMarketHandlers
{
    private static readonly Dictionary<string, int> Intervals = new(StringComparer.Ordinal)
    {
        ["1m"] = 1, ["3m"] = 3, ["5m"] = 5, ["15m"] = 15, ["30m"] = 30, ["1h"] = 60, ["2h"] = 120, ["4h"] = 240, ["6h"] = 360,
        ["8h"] = 480, ["12h"] = 720, ["1d"] = 1440, ["3d"] = 4320, ["1w"] = 10080, ["1M"] = 43200,
    };

    private readonly EmulatorVenue _venue;
    private readonly BinancePublisher _publisher;

    public BinanceMarketHandlers(EmulatorVenue venue, BinancePublisher publisher)
    {
        _venue = venue;
        _publisher = publisher;
    }

    public void Map(RestRouter r)
    {
        r.Map("GET", "/fapi/v1/ping", RestSecurity.None, _ => BinanceReplies.Ok(w => { w.WriteStartObject(); w.WriteEndObject(); }));
        r.Map("GET", "/fapi/v1/time", RestSecurity.None, q => BinanceReplies.Ok(w => { w.WriteStartObject(); w.WriteNumber("serverTime"u8, q.NowMs); w.WriteEndObject(); }));
        r.Map("GET", "/fapi/v1/exchangeInfo", RestSecurity.None, ExchangeInfo);
        r.Map("GET", "/fapi/v1/depth", RestSecurity.None, Depth);
        r.Map("GET", "/fapi/v1/aggTrades", RestSecurity.None, AggTrades);
        r.Map("GET", "/fapi/v1/trades", RestSecurity.None, Trades);
        r.Map("GET", "/fapi/v1/klines", RestSecurity.None, Klines);
        r.Map("GET", "/fapi/v1/premiumIndex", RestSecurity.None, q => PerSymbol(q, WritePremium));
        r.Map("GET", "/fapi/v1/ticker/24hr", RestSecurity.None, q => PerSymbol(q, Write24h));
        r.Map("GET", "/fapi/v1/fundingRate", RestSecurity.None, FundingRates);
    }

    private RestReply Depth(RestRequest q)
    {
        if (!TrySymbol(q, out int id)) return BinanceReplies.InvalidSymbol();
        int limit = BinanceParams.Int(q, "limit", 500);
        if (limit is not (5 or 10 or 20 or 50 or 100 or 500 or 1000)) return BinanceReplies.Error(400, -1130, "Data sent for parameter 'limit' is not valid.");
        var snapshot = _publisher.RestDepth(id, limit);
        var spec = _venue.Instruments[id];
        return Written(buffer => BinanceFrameWriter.WriteDepthSnapshot(buffer, spec, snapshot, q.NowMs, q.NowMs));
    }

    private RestReply AggTrades(RestRequest q)
    {
        if (!TrySymbol(q, out int id)) return BinanceReplies.InvalidSymbol();
        var trades = Recent(q, id);
        var spec = _venue.Instruments[id];
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var t in trades)
            {
                w.WriteStartObject();
                w.WriteNumber("a"u8, t.TradeId);
                WireText.WriteSteps(w, "p"u8, t.PriceTicks, spec.Price);
                WireText.WriteSteps(w, "q"u8, t.QtyLots, spec.Qty);
                w.WriteNumber("f"u8, t.TradeId);
                w.WriteNumber("l"u8, t.TradeId);
                w.WriteNumber("T"u8, t.TimeMs);
                w.WriteBoolean("m"u8, t.Taker == Side.Sell);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private RestReply Trades(RestRequest q)
    {
        if (!TrySymbol(q, out int id)) return BinanceReplies.InvalidSymbol();
        var trades = Recent(q, id);
        var spec = _venue.Instruments[id];
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var t in trades)
            {
                w.WriteStartObject();
                w.WriteNumber("id"u8, t.TradeId);
                WireText.WriteSteps(w, "price"u8, t.PriceTicks, spec.Price);
                WireText.WriteSteps(w, "qty"u8, t.QtyLots, spec.Qty);
                WireText.WriteDecimal(w, "quoteQty"u8, spec.Notional(t.PriceTicks, t.QtyLots));
                w.WriteNumber("time"u8, t.TimeMs);
                w.WriteBoolean("isBuyerMaker"u8, t.Taker == Side.Sell);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private RestReply Klines(RestRequest q)
    {
        if (!TrySymbol(q, out int id)) return BinanceReplies.InvalidSymbol();
        if (q.Param("interval") is not { } name || !Intervals.TryGetValue(name, out int minutes)) return BinanceReplies.Error(400, -1120, "Invalid interval.");
        int limit = Math.Clamp(BinanceParams.Int(q, "limit", 500), 1, 1500);
        List<MinuteBar> bars;
        lock (_venue.Gate) bars = _venue.Markets[id].Klines.Candles(minutes, limit, q.NowMs);
        var spec = _venue.Instruments[id];
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var b in bars)
            {
                w.WriteStartArray();
                w.WriteNumberValue(b.OpenTimeMs);
                WireText.WriteStepsValue(w, b.Open, spec.Price);
                WireText.WriteStepsValue(w, b.High, spec.Price);
                WireText.WriteStepsValue(w, b.Low, spec.Price);
                WireText.WriteStepsValue(w, b.Close, spec.Price);
                WireText.WriteStepsValue(w, b.VolumeLots, spec.Qty);
                w.WriteNumberValue(b.OpenTimeMs + minutes * KlineSeries.MinuteMs - 1);
                w.WriteStringValue(b.Turnover.ToString(CultureInfo.InvariantCulture));
                w.WriteNumberValue(b.Trades);
                WireText.WriteStepsValue(w, b.TakerBuyLots, spec.Qty);
                w.WriteStringValue(b.TakerBuyTurnover.ToString(CultureInfo.InvariantCulture));
                w.WriteStringValue("0");
                w.WriteEndArray();
            }
            w.WriteEndArray();
        });
    }

    private RestReply FundingRates(RestRequest q)
    {
        if (!TrySymbol(q, out int id)) return BinanceReplies.InvalidSymbol();
        int limit = Math.Clamp(BinanceParams.Int(q, "limit", 100), 1, 1000);
        List<(long TimeMs, decimal Rate)> history;
        long mark;
        lock (_venue.Gate)
        {
            history = _venue.Markets[id].FundingHistory.TakeLast(limit).ToList();
            mark = _venue.Markets[id].ValuationTicks(_venue.Book(id));
        }
        var spec = _venue.Instruments[id];
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var (time, rate) in history)
            {
                w.WriteStartObject();
                w.WriteString("symbol"u8, spec.Symbol);
                WireText.WriteDecimalFixed(w, "fundingRate"u8, rate, 8);
                w.WriteNumber("fundingTime"u8, time);
                WireText.WriteSteps(w, "markPrice"u8, mark, spec.Price);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private RestReply PerSymbol(RestRequest q, Action<System.Text.Json.Utf8JsonWriter, int, MarketTicker, long> write)
    {
        string? symbol = q.Param("symbol");
        int only = -1;
        if (symbol is not null && !_venue.TryGetSymbol(symbol, out only)) return BinanceReplies.InvalidSymbol();
        var rows = new List<(int Id, MarketTicker Ticker)>();
        lock (_venue.Gate)
        {
            for (int i = 0; i < _venue.Instruments.Count; i++)
            {
                if (only >= 0 && i != only) continue;
                rows.Add((i, _venue.Markets[i].Ticker(_venue.Book(i), q.NowMs)));
            }
        }
        return BinanceReplies.Ok(w =>
        {
            if (only < 0) w.WriteStartArray();
            foreach (var (id, ticker) in rows) write(w, id, ticker, q.NowMs);
            if (only < 0) w.WriteEndArray();
        });
    }

    private void WritePremium(System.Text.Json.Utf8JsonWriter w, int id, MarketTicker t, long nowMs)
    {
        var spec = _venue.Instruments[id];
        w.WriteStartObject();
        w.WriteString("symbol"u8, spec.Symbol);
        WireText.WriteSteps(w, "markPrice"u8, t.MarkPriceTicks, spec.Price);
        WireText.WriteSteps(w, "indexPrice"u8, t.IndexPriceTicks, spec.Price);
        WireText.WriteSteps(w, "estimatedSettlePrice"u8, t.IndexPriceTicks, spec.Price);
        WireText.WriteDecimalFixed(w, "lastFundingRate"u8, t.FundingRate, 8);
        w.WriteString("interestRate"u8, "0.00010000"u8);
        w.WriteNumber("nextFundingTime"u8, t.NextFundingTimeMs);
        w.WriteNumber("time"u8, nowMs);
        w.WriteEndObject();
    }

    private void Write24h(System.Text.Json.Utf8JsonWriter w, int id, MarketTicker t, long nowMs)
    {
        var spec = _venue.Instruments[id];
        decimal volume = spec.Qty.ToDecimal(t.Volume24hLots);
        w.WriteStartObject();
        w.WriteString("symbol"u8, spec.Symbol);
        WireText.WriteSteps(w, "priceChange"u8, t.LastPriceTicks - t.OpenPrice24hTicks, spec.Price);
        WireText.WriteDecimalFixed(w, "priceChangePercent"u8, t.PriceChangeFraction * 100m, 3);
        WireText.WriteDecimal(w, "weightedAvgPrice"u8, volume > 0 ? decimal.Round(t.Turnover24h / volume, spec.Price.StepDecimals) : spec.Price.ToDecimal(t.LastPriceTicks));
        WireText.WriteSteps(w, "lastPrice"u8, t.LastPriceTicks, spec.Price);
        WireText.WriteSteps(w, "lastQty"u8, 0, spec.Qty);
        WireText.WriteSteps(w, "openPrice"u8, t.OpenPrice24hTicks, spec.Price);
        WireText.WriteSteps(w, "highPrice"u8, t.HighPrice24hTicks, spec.Price);
        WireText.WriteSteps(w, "lowPrice"u8, t.LowPrice24hTicks, spec.Price);
        WireText.WriteSteps(w, "volume"u8, t.Volume24hLots, spec.Qty);
        WireText.WriteDecimal(w, "quoteVolume"u8, t.Turnover24h);
        w.WriteNumber("openTime"u8, nowMs - 24L * 3600 * 1000);
        w.WriteNumber("closeTime"u8, nowMs);
        w.WriteNumber("firstId"u8, 0);
        w.WriteNumber("lastId"u8, 0);
        w.WriteNumber("count"u8, t.TradeCount24h);
        w.WriteEndObject();
    }

    private List<PublicTradeRecord> Recent(RestRequest q, int id)
    {
        int limit = Math.Clamp(BinanceParams.Int(q, "limit", 500), 1, 1000);
        long fromId = BinanceParams.Long(q, "fromId"), start = BinanceParams.Long(q, "startTime"), end = BinanceParams.Long(q, "endTime");
        lock (_venue.Gate)
        {
            return _venue.Markets[id].RecentTrades(1000)
                .Where(t => t.TradeId >= fromId && (start == 0 || t.TimeMs >= start) && (end == 0 || t.TimeMs <= end))
                .TakeLast(limit).ToList();
        }
    }

    private bool TrySymbol(RestRequest q, out int id)
    {
        id = -1;
        return q.Param("symbol") is { } s && _venue.TryGetSymbol(s, out id);
    }

    private static RestReply Written(Action<System.Buffers.IBufferWriter<byte>> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        write(buffer);
        return new RestReply(200, buffer.WrittenSpan.ToArray());
    }
}
