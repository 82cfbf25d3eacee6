using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;

namespace Smallfish.Wire.Json;

/// <summary>Reads <c>[["price","size"],...]</c> level arrays straight into a <see cref="LevelList"/> as ticks and lots.</summary>
internal static class JsonLevels
{
    public const string ErrNotArray = "levels are not an array of [price, size] arrays";
    public const string ErrNotString = "level price or size is not a string";
    public const string ErrPrice = "level price is not a positive number on the instrument's tick grid";
    public const string ErrQty = "level size is not a number on the instrument's lot grid";

    /// <summary>
    /// Reader on the array's StartArray token; on success it is left on the matching EndArray. Returns an error text
    /// (a constant) or null.
    /// </summary>
    public static string? Read(ref Utf8JsonReader r, InstrumentSpec spec, LevelList target)
    {
        if (r.TokenType != JsonTokenType.StartArray) return ErrNotArray;
        while (r.Read())
        {
            if (r.TokenType == JsonTokenType.EndArray) return null;
            if (r.TokenType != JsonTokenType.StartArray) return ErrNotArray;
            if (!r.Read() || r.TokenType != JsonTokenType.String || r.ValueIsEscaped) return ErrNotString;
            if (!spec.Price.TryParseSteps(r.ValueSpan, out long price) || price <= 0) return ErrPrice;
            if (!r.Read() || r.TokenType != JsonTokenType.String || r.ValueIsEscaped) return ErrNotString;
            if (!spec.Qty.TryParseSteps(r.ValueSpan, out long qty) || qty < 0) return ErrQty;
            // Tolerate extra elements after [price, size].
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (r.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject) r.Skip();
            }
            if (r.TokenType != JsonTokenType.EndArray) return ErrNotArray;
            target.Add(price, qty);
        }
        return ErrNotArray;
    }

    /// <summary>Parses a complete, deferred level array (a slice of the message) into <paramref name="target"/>.</summary>
    public static string? ReadDeferred(ReadOnlySpan<byte> arrayJson, InstrumentSpec spec, LevelList target)
    {
        var r = new Utf8JsonReader(arrayJson);
        if (!r.Read()) return ErrNotArray;
        return Read(ref r, spec, target);
    }
}
