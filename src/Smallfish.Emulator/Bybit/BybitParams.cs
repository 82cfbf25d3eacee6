using System.Text;
using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Emulator.Hosting;

namespace Smallfish.Emulator.Bybit;

/// <summary>Named parameters of a Bybit request: the JSON body of a POST, the query of a GET. Values are read as text.</summary>
internal sealed class BybitParams
{
    private readonly JsonElement _body;
    private readonly RestRequest _request;

    private BybitParams(RestRequest request, JsonElement body)
    {
        _request = request;
        _body = body;
    }

    /// <summary>Reads a request's parameters; a POST body must be a JSON object.</summary>
    public static BybitParams Of(RestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != "POST") return new BybitParams(request, default);
        using var doc = JsonDocument.Parse(request.Body.Length == 0 ? "{}" : request.Body);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("body is not a JSON object");
        return new BybitParams(request, doc.RootElement.Clone());
    }

    /// <summary>The parameter's text; null when absent.</summary>
    public string? Str(string name)
    {
        if (_body.ValueKind != JsonValueKind.Object) return _request.Param(name);
        if (!_body.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => null,
            _ => throw new FormatException($"{name} is not a scalar"),
        };
    }

    public bool Bool(string name) => Str(name) is "true" or "1";

    public int Int(string name, int fallback)
    {
        string? s = Str(name);
        return string.IsNullOrEmpty(s) ? fallback : int.Parse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
    }

    public long Long(string name)
    {
        string? s = Str(name);
        return string.IsNullOrEmpty(s) ? 0 : long.Parse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Decimal text on the scale's grid, in steps; false when absent or off the grid.</summary>
    public static bool TrySteps(string? text, DecimalScale scale, out long steps)
    {
        steps = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 40) return false;
        Span<byte> utf8 = stackalloc byte[text.Length];
        Encoding.ASCII.GetBytes(text, utf8);
        return scale.TryParseSteps(utf8, out steps);
    }
}
