using System.Globalization;
using System.Text.Json;

namespace Smallfish.Exchanges.Json;

/// <summary>
/// Lenient, named field access for venue JSON: numbers may arrive as strings or numbers, "not applicable" as "" or
/// null. Missing optional fields read as empty/0; malformed values throw <see cref="FormatException"/>, which the
/// parsers turn into a "malformed" result.
/// </summary>
internal static class JsonFields
{
    public static bool Has(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public static string Str(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return "";
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "",
            _ => throw new FormatException($"field '{name}' is not a scalar"),
        };
    }

    /// <summary>A required string; throws when missing or empty.</summary>
    public static string ReqStr(this JsonElement e, string name)
    {
        string s = e.Str(name);
        return s.Length == 0 ? throw new FormatException($"field '{name}' missing") : s;
    }

    public static decimal Dec(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return 0m;
        return ToDecimal(v, name);
    }

    public static decimal? DecOrNull(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.String && v.GetString()!.Length == 0)) return null;
        return ToDecimal(v, name);
    }

    public static decimal ToDecimal(JsonElement v, string name)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                return v.GetDecimal();
            case JsonValueKind.String:
                string s = v.GetString()!;
                if (s.Length == 0) return 0m;
                return decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonValueKind.Null:
                return 0m;
            default:
                throw new FormatException($"field '{name}' is not a number");
        }
    }

    public static long Long(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return 0;
        return ToLong(v, name);
    }

    public static long ToLong(JsonElement v, string name)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                return v.GetInt64();
            case JsonValueKind.String:
                string s = v.GetString()!;
                if (s.Length == 0) return 0;
                return long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            case JsonValueKind.Null:
                return 0;
            default:
                throw new FormatException($"field '{name}' is not an integer");
        }
    }

    public static int Int(this JsonElement e, string name) => checked((int)e.Long(name));

    public static bool Bool(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => v.GetString() switch
            {
                "true" or "1" => true,
                "false" or "0" or "" => false,
                _ => throw new FormatException($"field '{name}' is not a boolean"),
            },
            JsonValueKind.Number => v.GetInt64() != 0,
            _ => throw new FormatException($"field '{name}' is not a boolean"),
        };
    }

    /// <summary>A child object, or an undefined element when missing.</summary>
    public static JsonElement Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;

    /// <summary>The items of a child array; empty when missing or null; throws when it is another kind.</summary>
    public static JsonElement.ArrayEnumerator Items(this JsonElement e, string name)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v))
        {
            if (v.ValueKind == JsonValueKind.Array) return v.EnumerateArray();
            if (v.ValueKind != JsonValueKind.Null) throw new FormatException($"field '{name}' is not an array");
        }
        return default;
    }

    /// <summary>Element <paramref name="index"/> of an array row; throws <see cref="FormatException"/> when short.</summary>
    public static JsonElement At(this JsonElement row, int index)
    {
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() <= index) throw new FormatException($"row has no element {index}");
        return row[index];
    }

    public static void RequireObject(this JsonElement e, string what)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException(what + " is not an object");
    }

    public static void RequireArray(this JsonElement e, string what)
    {
        if (e.ValueKind != JsonValueKind.Array) throw new FormatException(what + " is not an array");
    }
}
