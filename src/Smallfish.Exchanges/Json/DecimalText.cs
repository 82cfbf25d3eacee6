using System.Globalization;

namespace Smallfish.Exchanges.Json;

/// <summary>Formats decimals the way venues read them: invariant culture, no exponent, no trailing zeros.</summary>
internal static class DecimalText
{
    public static string Format(decimal value)
    {
        // Dividing by 1.000...0 with 28 zeros normalizes the scale to the fewest decimals that represent the value.
        decimal normalized = value / 1.0000000000000000000000000000m;
        return normalized.ToString(CultureInfo.InvariantCulture);
    }
}
