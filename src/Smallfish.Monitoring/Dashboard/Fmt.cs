using System.Globalization;
using System.Text.Json;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>How the dashboard writes numbers and names (invariant culture throughout).</summary>
internal static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A price with its own number of decimals and thousands separators: <c>64,020.05</c>.</summary>
    public static string Price(decimal price) => price.ToString("N" + Math.Min((int)price.Scale, 8).ToString(Inv), Inv);

    /// <summary>A chart label price with <paramref name="decimals"/> decimals.</summary>
    public static string Price(double price, int decimals) => !double.IsFinite(price) ? "?" : price.ToString("N" + decimals.ToString(Inv), Inv);

    /// <summary>Money with two decimals: <c>1,052.31</c>.</summary>
    public static string Money(decimal value) => value.ToString("N2", Inv);

    /// <summary>Signed money: <c>+12.40</c>, <c>-1.20</c>.</summary>
    public static string SignedMoney(decimal value) => (value >= 0 ? "+" : "") + value.ToString("N2", Inv);

    /// <summary>An R multiple: <c>+1.21R</c>.</summary>
    public static string R(double r) => double.IsFinite(r) ? (r >= 0 ? "+" : "") + r.ToString("F2", Inv) + "R" : "?R";

    /// <summary>A percentage: <c>0.74%</c>.</summary>
    public static string Pct(double pct) => double.IsFinite(pct) ? pct.ToString("F2", Inv) + "%" : "?%";

    /// <summary>A signed percentage: <c>+5.23%</c>.</summary>
    public static string SignedPct(double pct) => double.IsFinite(pct) ? (pct >= 0 ? "+" : "") + pct.ToString("F2", Inv) + "%" : "?%";

    /// <summary>A score in [-1, 1]: <c>+0.62</c>.</summary>
    public static string Score(double score) => double.IsFinite(score) ? (score >= 0 ? "+" : "") + score.ToString("F2", Inv) : "  nan";

    /// <summary>A plain fraction with two decimals: <c>0.72</c>.</summary>
    public static string Fraction(double value) => double.IsFinite(value) ? value.ToString("F2", Inv) : "?";

    /// <summary>A weight without the leading zero: <c>.18</c>.</summary>
    public static string Weight(double weight) => double.IsFinite(weight) ? weight.ToString(".00", Inv) : "?";

    /// <summary>Milliseconds, one decimal below 10: <c>12ms</c>, <c>3.2ms</c>.</summary>
    public static string Ms(double ms) => !double.IsFinite(ms) ? "?ms" : ms < 10 ? ms.ToString("0.0", Inv) + "ms" : ms.ToString("0", Inv) + "ms";

    /// <summary>A quantity as given: <c>0.150</c>.</summary>
    public static string Qty(decimal qty) => qty.ToString(Inv);

    /// <summary>A duration from milliseconds: <c>3h12m</c>, <c>4m05s</c>, <c>2d03h</c>.</summary>
    public static string Duration(long ms)
    {
        if (ms < 0) ms = 0;
        var t = TimeSpan.FromMilliseconds(ms);
        if (t.TotalDays >= 1) return $"{(int)t.TotalDays}d{t.Hours:00}h";
        if (t.TotalHours >= 1) return $"{(int)t.TotalHours}h{t.Minutes:00}m";
        if (t.TotalMinutes >= 1) return $"{(int)t.TotalMinutes}m{t.Seconds:00}s";
        return $"{t.Seconds}s";
    }

    /// <summary>An enumeration value as the status JSON writes it: <c>sequenceGap</c>.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
