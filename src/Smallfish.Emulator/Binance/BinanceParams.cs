using System.Globalization;
using System.Text;
using Smallfish.Core.Instruments;
using Smallfish.Emulator.Hosting;

namespace Smallfish.Emulator.Binance;

/// <summary>Reads Binance parameters (query first, then a form body).</summary>
internal static class BinanceParams
{
    public static int Int(RestRequest q, string name, int fallback) =>
        q.Param(name) is { Length: > 0 } s ? int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : fallback;

    public static long Long(RestRequest q, string name) =>
        q.Param(name) is { Length: > 0 } s ? long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;

    public static bool Bool(RestRequest q, string name) => q.Param(name) is "true" or "TRUE" or "True";

    /// <summary>Decimal text on the scale's grid; <paramref name="offGrid"/> tells a value that is not a multiple of the step apart from garbage.</summary>
    public static bool TrySteps(string? text, DecimalScale scale, out long steps, out bool offGrid)
    {
        steps = 0;
        offGrid = false;
        if (string.IsNullOrEmpty(text) || text.Length > 40) return false;
        Span<byte> utf8 = stackalloc byte[text.Length];
        Encoding.ASCII.GetBytes(text, utf8);
        if (scale.TryParseSteps(utf8, out steps)) return true;
        offGrid = decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
        return false;
    }
}
