using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Wire.Json;

namespace Smallfish.Wire.Bybit;

/// <summary>
/// Reads a Bybit <c>GET /v5/market/instruments-info</c> response (category <c>linear</c>) into
/// <see cref="InstrumentSpec"/>s: <c>priceFilter.tickSize</c>, <c>lotSizeFilter.qtyStep</c>, <c>minOrderQty</c> and
/// <c>minNotionalValue</c>. Start-up code, not the hot path: it allocates freely.
/// </summary>
public static class BybitInstrumentsInfoParser
{
    /// <summary>
    /// Parses <paramref name="json"/> and adds one spec per instrument to <paramref name="specs"/>. Returns false with an
    /// error text for a non-zero <c>retCode</c>, a category other than linear, or a malformed entry.
    /// </summary>
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
        bool sawResult = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string name = r.GetString()!;
            r.Read();
            if (name == "retCode" && r.TokenType == JsonTokenType.Number && r.GetInt64() != 0) return "retCode is not 0";
            if (name == "result" && r.TokenType == JsonTokenType.StartObject)
            {
                string? e = ReadResult(ref r, specs);
                if (e is not null) return e;
                sawResult = true;
            }
            else JsonValues.SkipValue(ref r);
        }
        return sawResult ? null : "response has no result object";
    }

    private static string? ReadResult(ref Utf8JsonReader r, List<InstrumentSpec> specs)
    {
        var found = new List<InstrumentSpec>();
        string? category = null, firstError = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string name = r.GetString()!;
            r.Read();
            if (name == "category") category = r.GetString();
            else if (name == "list" && r.TokenType == JsonTokenType.StartArray)
            {
                // Keep reading after a bad entry: the category (which may come after the list) explains more.
                while (r.Read() && r.TokenType == JsonTokenType.StartObject) firstError ??= ReadInstrument(ref r, found);
            }
            else JsonValues.SkipValue(ref r);
        }
        if (category != "linear") return $"category is '{category}', expected 'linear'";
        if (firstError is not null) return firstError;
        specs.AddRange(found);
        return null;
    }

    private static string? ReadInstrument(ref Utf8JsonReader r, List<InstrumentSpec> specs)
    {
        string? symbol = null;
        decimal? tick = null, step = null, minQty = null, minNotional = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string name = r.GetString()!;
            r.Read();
            if (name == "symbol") symbol = r.GetString();
            else if (name is "priceFilter" or "lotSizeFilter" && r.TokenType == JsonTokenType.StartObject)
            {
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    string field = r.GetString()!;
                    r.Read();
                    switch (field)
                    {
                        case "tickSize": tick = Decimal(ref r); break;
                        case "qtyStep": step = Decimal(ref r); break;
                        case "minOrderQty": minQty = Decimal(ref r); break;
                        case "minNotionalValue": minNotional = Decimal(ref r); break;
                        default: JsonValues.SkipValue(ref r); break;
                    }
                }
            }
            else JsonValues.SkipValue(ref r);
        }
        if (symbol is null || tick is not > 0 || step is not > 0) return $"instrument '{symbol}' lacks a positive tickSize or qtyStep";
        specs.Add(new InstrumentSpec(symbol, tick.Value, step.Value, minQty ?? 0, minNotional ?? 0));
        return null;
    }

    private static decimal? Decimal(ref Utf8JsonReader r)
    {
        var text = r.TokenType == JsonTokenType.String ? r.ValueSpan : default;
        return Utf8Parser.TryParse(text, out decimal value, out int used) && used == text.Length && text.Length > 0
            ? value
            : throw new FormatException($"'{Encoding.UTF8.GetString(text)}' is not a decimal");
    }
}
