using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Wire.Json;

namespace Smallfish.Wire.Binance;

/// <summary>
/// Reads a Binance USD-M <c>GET /fapi/v1/exchangeInfo</c> response into <see cref="InstrumentSpec"/>s from the
/// <c>PRICE_FILTER.tickSize</c>, <c>LOT_SIZE.stepSize</c> / <c>minQty</c> and <c>MIN_NOTIONAL.notional</c> filters
/// (never from pricePrecision / quantityPrecision, which the docs say are not the grid). Start-up code: allocates freely.
/// </summary>
public static class BinanceExchangeInfoParser
{
    /// <summary>Adds one spec per symbol to <paramref name="specs"/>; false with an error text on malformed input.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, List<InstrumentSpec> specs, out string? error)
    {
        ArgumentNullException.ThrowIfNull(specs);
        try
        {
            var r = new Utf8JsonReader(json);
            error = ReadRoot(ref r, specs);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException or OverflowException) // invalid UTF-8; a step too fine or too large for the grid
        {
            error = e.Message;
        }
        return error is null;
    }

    private static string? ReadRoot(ref Utf8JsonReader r, List<InstrumentSpec> specs)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return "response is not a JSON object";
        var found = new List<InstrumentSpec>();
        bool sawSymbols = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string name = r.GetString()!;
            r.Read();
            if (name == "symbols" && r.TokenType == JsonTokenType.StartArray)
            {
                sawSymbols = true;
                while (r.Read() && r.TokenType == JsonTokenType.StartObject)
                {
                    string? e = ReadSymbol(ref r, found);
                    if (e is not null) return e;
                }
            }
            else JsonValues.SkipValue(ref r);
        }
        if (!sawSymbols) return "response has no symbols array";
        specs.AddRange(found);
        return null;
    }

    private static string? ReadSymbol(ref Utf8JsonReader r, List<InstrumentSpec> specs)
    {
        string? symbol = null;
        decimal? tick = null, step = null, minQty = null, notional = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string name = r.GetString()!;
            r.Read();
            if (name == "symbol") symbol = r.GetString();
            else if (name == "filters" && r.TokenType == JsonTokenType.StartArray)
            {
                while (r.Read() && r.TokenType == JsonTokenType.StartObject)
                {
                    // Keys inside a filter come in any order, so collect them before looking at filterType.
                    var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                    while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                    {
                        string key = r.GetString()!;
                        r.Read();
                        fields[key] = r.TokenType == JsonTokenType.String ? r.GetString() : null;
                        JsonValues.SkipValue(ref r);
                    }
                    fields.TryGetValue("filterType", out string? type);
                    switch (type)
                    {
                        case "PRICE_FILTER": tick = Decimal(fields, "tickSize"); break;
                        case "LOT_SIZE": step = Decimal(fields, "stepSize"); minQty = Decimal(fields, "minQty"); break;
                        case "MIN_NOTIONAL": notional = Decimal(fields, "notional"); break;
                    }
                }
            }
            else JsonValues.SkipValue(ref r);
        }
        if (symbol is null || tick is not > 0 || step is not > 0) return $"symbol '{symbol}' lacks a positive PRICE_FILTER tickSize or LOT_SIZE stepSize";
        specs.Add(new InstrumentSpec(symbol, tick.Value, step.Value, minQty ?? 0, notional ?? 0));
        return null;
    }

    private static decimal? Decimal(Dictionary<string, string?> fields, string key)
    {
        if (!fields.TryGetValue(key, out string? text) || text is null) return null;
        var bytes = Encoding.ASCII.GetBytes(text);
        return Utf8Parser.TryParse(bytes, out decimal value, out int used) && used == bytes.Length
            ? value
            : throw new FormatException($"{key} '{text}' is not a decimal");
    }
}
