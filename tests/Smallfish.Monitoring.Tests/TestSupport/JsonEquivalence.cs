using System.Globalization;
using System.Text.Json.Nodes;

namespace Smallfish.Monitoring.Tests.TestSupport;

/// <summary>Compares two JSON documents by meaning: same properties (any order), same array items, numbers equal as decimals.</summary>
internal static class JsonEquivalence
{
    /// <summary>Returns null when equivalent, else the path of the first difference with both values.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}";
        }
        switch (expected)
        {
            case JsonObject eo:
                if (actual is not JsonObject ao) return $"{path}: expected an object, got {actual.ToJsonString()}";
                foreach (var (key, value) in eo)
                {
                    if (!ao.ContainsKey(key)) return $"{path}.{key}: missing";
                    string? d = FirstDifference(value, ao[key], $"{path}.{key}");
                    if (d is not null) return d;
                }
                foreach (var (key, _) in ao)
                {
                    if (!eo.ContainsKey(key)) return $"{path}.{key}: unexpected property";
                }
                return null;
            case JsonArray ea:
                if (actual is not JsonArray aa) return $"{path}: expected an array, got {actual.ToJsonString()}";
                if (ea.Count != aa.Count) return $"{path}: expected {ea.Count} items, got {aa.Count}";
                for (int i = 0; i < ea.Count; i++)
                {
                    string? d = FirstDifference(ea[i], aa[i], $"{path}[{i}]");
                    if (d is not null) return d;
                }
                return null;
            default:
                string e = expected.ToJsonString(), a = actual.ToJsonString();
                if (e == a) return null;
                if (decimal.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal ed)
                    && decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal ad) && ed == ad) return null;
                return $"{path}: expected {e}, got {a}";
        }
    }
}
