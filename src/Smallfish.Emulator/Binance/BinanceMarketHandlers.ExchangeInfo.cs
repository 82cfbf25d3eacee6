using Smallfish.Emulator.Hosting;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Binance;

/// <summary><c>GET /fapi/v1/exchangeInfo</c> (binance-usdm.md 4.1): rate limits and each instrument's filters.</summary>
internal sealed partial class BinanceMarketHandlers
{
    private RestReply ExchangeInfo(RestRequest q) => BinanceReplies.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("timezone"u8, "UTC"u8);
        w.WriteNumber("serverTime"u8, q.NowMs);
        w.WriteString("futuresType"u8, "U_MARGINED"u8);
        w.WriteStartArray("rateLimits"u8);
        foreach (var (type, interval, limit) in new[] { ("REQUEST_WEIGHT", 1, 2400), ("ORDERS", 1, 1200), ("ORDERS", 10, 300) })
        {
            w.WriteStartObject();
            w.WriteString("rateLimitType"u8, type);
            w.WriteString("interval"u8, interval == 10 ? "SECOND" : "MINUTE");
            w.WriteNumber("intervalNum"u8, interval);
            w.WriteNumber("limit"u8, limit);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("exchangeFilters"u8);
        w.WriteEndArray();
        w.WriteStartArray("symbols"u8);
        foreach (var spec in _venue.Instruments)
        {
            w.WriteStartObject();
            w.WriteString("symbol"u8, spec.Symbol);
            w.WriteString("pair"u8, spec.Symbol);
            w.WriteString("contractType"u8, "PERPETUAL"u8);
            w.WriteNumber("deliveryDate"u8, 4133404800000);
            w.WriteNumber("onboardDate"u8, 1569398400000);
            w.WriteString("status"u8, "TRADING"u8);
            w.WriteString("baseAsset"u8, spec.Symbol.EndsWith("USDT", StringComparison.Ordinal) ? spec.Symbol[..^4] : spec.Symbol);
            w.WriteString("quoteAsset"u8, "USDT"u8);
            w.WriteString("marginAsset"u8, "USDT"u8);
            w.WriteNumber("pricePrecision"u8, spec.Price.StepDecimals);
            w.WriteNumber("quantityPrecision"u8, spec.Qty.StepDecimals);
            w.WriteNumber("baseAssetPrecision"u8, 8);
            w.WriteNumber("quotePrecision"u8, 8);
            w.WriteString("underlyingType"u8, "COIN"u8);
            w.WriteString("triggerProtect"u8, "0.0500"u8);
            w.WriteString("liquidationFee"u8, "0.012500"u8);
            w.WriteString("marketTakeBound"u8, "0.05"u8);
            w.WriteStartArray("filters"u8);
            Filter(w, "PRICE_FILTER", () =>
            {
                WireText.WriteSteps(w, "minPrice"u8, 1, spec.Price);
                WireText.WriteSteps(w, "maxPrice"u8, Bybit.BybitMarketHandlers.MaxTicks(spec), spec.Price);
                WireText.WriteSteps(w, "tickSize"u8, 1, spec.Price);
            });
            foreach (string lot in new[] { "LOT_SIZE", "MARKET_LOT_SIZE" })
            {
                Filter(w, lot, () =>
                {
                    WireText.WriteSteps(w, "minQty"u8, Math.Max(1, spec.MinLots), spec.Qty);
                    WireText.WriteSteps(w, "maxQty"u8, Bybit.BybitMarketHandlers.MaxLots(spec) / (lot == "LOT_SIZE" ? 1 : 10), spec.Qty);
                    WireText.WriteSteps(w, "stepSize"u8, 1, spec.Qty);
                });
            }
            Filter(w, "MAX_NUM_ORDERS", () => w.WriteNumber("limit"u8, 200));
            Filter(w, "MIN_NOTIONAL", () => WireText.WriteDecimal(w, "notional"u8, spec.MinNotional));
            Filter(w, "PERCENT_PRICE", () =>
            {
                w.WriteString("multiplierUp"u8, "1.0500"u8);
                w.WriteString("multiplierDown"u8, "0.9500"u8);
                w.WriteString("multiplierDecimal"u8, "4"u8);
            });
            w.WriteEndArray();
            w.WriteStartArray("orderTypes"u8);
            foreach (string t in new[] { "LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET" }) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteStartArray("timeInForce"u8);
            foreach (string t in new[] { "GTC", "IOC", "FOK", "GTX", "GTD" }) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void Filter(System.Text.Json.Utf8JsonWriter w, string type, Action fields)
    {
        w.WriteStartObject();
        w.WriteString("filterType"u8, type);
        fields();
        w.WriteEndObject();
    }
}
