using System.Text.Json;
using Smallfish.Wire.Text;

namespace Smallfish.Wire.Json;

/// <summary>Small helpers for reading one value token of a <see cref="Utf8JsonReader"/>.</summary>
internal static class JsonValues
{
    /// <summary>An integer that is either a JSON number or a JSON string of digits (Bybit writes times as strings).</summary>
    public static bool TryInt64(ref Utf8JsonReader r, out long value)
    {
        if (r.TokenType == JsonTokenType.Number) return r.TryGetInt64(out value);
        if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped) return WireNumbers.TryParseInt64(r.ValueSpan, out value);
        value = 0;
        return false;
    }

    /// <summary>A time in ms since the epoch (number or string): false when negative or beyond what nanoseconds can hold.</summary>
    public static bool TryTimeMs(ref Utf8JsonReader r, out long ms) => TryInt64(ref r, out ms) && WireNumbers.IsTimeMs(ms);

    /// <summary>The raw text of an unescaped string token, or empty for any other token.</summary>
    public static ReadOnlySpan<byte> Text(scoped ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.String && !r.ValueIsEscaped ? r.ValueSpan : default;

    /// <summary>A double written as a JSON string or number; false for an empty string or anything else.</summary>
    public static bool TryDouble(ref Utf8JsonReader r, out double value)
    {
        if (r.TokenType is JsonTokenType.String or JsonTokenType.Number && !r.ValueIsEscaped) return WireNumbers.TryParseDouble(r.ValueSpan, out value);
        value = double.NaN;
        return false;
    }

    /// <summary>Moves past the value of the property the reader is on (scalars need nothing; containers are skipped).</summary>
    public static void SkipValue(ref Utf8JsonReader r)
    {
        if (r.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject) r.Skip();
    }
}
