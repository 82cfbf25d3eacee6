using System.Globalization;

namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>
/// The one place report numbers and times become text, so every output is byte-identical for the same inputs:
/// invariant culture, a fixed number of decimals per kind of number, no negative zero, undefined values as
/// <c>null</c> (JSON) or empty (CSV), times as ISO-8601 UTC with nanoseconds.
/// </summary>
public static class ReportFormat
{
    /// <summary>Decimals for money, prices and quantities.</summary>
    public const int MoneyDecimals = 8;

    /// <summary>Decimals for ratios, rates and other doubles.</summary>
    public const int RatioDecimals = 6;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A decimal with <see cref="MoneyDecimals"/> decimals (rounded half away from zero).</summary>
    public static string Money(decimal value)
    {
        decimal rounded = decimal.Round(value, MoneyDecimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0m;
        return rounded.ToString("F" + MoneyDecimals, Inv);
    }

    /// <summary>A double with <see cref="RatioDecimals"/> decimals, or null when it is NaN or infinite.</summary>
    public static string? Ratio(double value)
    {
        if (!double.IsFinite(value)) return null;
        double rounded = Math.Round(value, RatioDecimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0; // no "-0.000000"
        return rounded.ToString("F" + RatioDecimals, Inv);
    }

    /// <summary>An integer, invariant.</summary>
    public static string Integer(long value) => value.ToString(Inv);

    /// <summary>
    /// ns since the Unix epoch as ISO-8601 UTC with all nine fraction digits (<c>2024-07-19T00:00:01.585000000Z</c>);
    /// null for 0 (no time).
    /// </summary>
    public static string? IsoUtc(long tsNs)
    {
        if (tsNs == 0) return null;
        long seconds = Math.DivRem(tsNs, 1_000_000_000L, out long fraction);
        if (fraction < 0) { seconds--; fraction += 1_000_000_000L; }
        var time = DateTime.UnixEpoch.AddSeconds(seconds);
        return time.ToString("yyyy-MM-dd'T'HH:mm:ss", Inv) + "." + fraction.ToString("D9", Inv) + "Z";
    }

    /// <summary>A short human label for a double: "inf", "-inf", "n/a" (NaN) or the value with <paramref name="decimals"/> decimals.</summary>
    public static string Human(double value, int decimals)
    {
        if (double.IsNaN(value)) return "n/a";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0;
        return rounded.ToString("F" + decimals, Inv);
    }

    /// <summary>A decimal rounded to <paramref name="decimals"/> for people.</summary>
    public static string Human(decimal value, int decimals)
    {
        decimal rounded = decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0m;
        return rounded.ToString("F" + decimals, Inv);
    }

    /// <summary>snake_case of a PascalCase name ("TakeProfit" -> "take_profit").</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
