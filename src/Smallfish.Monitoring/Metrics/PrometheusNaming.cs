using System.Globalization;
using System.Text;

namespace Smallfish.Monitoring.Metrics;

/// <summary>Maps instrument names, units and tags to valid Prometheus names, and escapes text for the exposition format.</summary>
internal static class PrometheusNaming
{
    /// <summary>
    /// The family name of an instrument: the name sanitized to <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, the unit appended
    /// (<c>us</c> becomes <c>_microseconds</c>; annotations in braces are dropped), <c>_total</c> appended to counters.
    /// </summary>
    public static string MetricName(string instrumentName, string? unit, PrometheusMetricType type)
    {
        string name = Sanitize(instrumentName, allowColon: true);
        string suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal) && name != suffix) name += "_" + suffix;
        if (type == PrometheusMetricType.Counter && !name.EndsWith("_total", StringComparison.Ordinal)) name += "_total";
        return name;
    }

    /// <summary>A label name sanitized to <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, never starting with the reserved <c>__</c>.</summary>
    public static string LabelName(string key)
    {
        string name = Sanitize(key, allowColon: false);
        return name.StartsWith("__", StringComparison.Ordinal) ? name[1..] : name;
    }

    /// <summary>Escapes a label value: backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value)
    {
        if (value.AsSpan().IndexOfAny('\\', '"', '\n') < 0) return value;
        var sb = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append(@"\n"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Escapes HELP text: backslash and line feed.</summary>
    public static string EscapeHelp(string text)
    {
        if (text.AsSpan().IndexOfAny('\\', '\n') < 0) return text;
        return text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);
    }

    /// <summary>A sample value: shortest round-trip invariant text, or <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>.</summary>
    public static string FormatValue(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "+Inf";
        if (double.IsNegativeInfinity(value)) return "-Inf";
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A tag value as label text (invariant culture; null is empty).</summary>
    public static string TagValueText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string UnitSuffix(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit)) return "";
        // Annotations such as "{event}" carry no unit.
        var plain = new StringBuilder(unit.Length);
        int depth = 0;
        foreach (char c in unit)
        {
            if (c == '{') depth++;
            else if (c == '}') depth = Math.Max(0, depth - 1);
            else if (depth == 0) plain.Append(c);
        }
        string u = plain.ToString().Trim();
        if (u.Length == 0 || u == "1") return "";
        int slash = u.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0) return UnitWord(u[..slash]) + "_per_" + PerUnitWord(u[(slash + 1)..]);
        return UnitWord(u);
    }

    private static string UnitWord(string unit) => unit switch
    {
        "ns" => "nanoseconds",
        "us" or "\u00b5s" or "\u03bcs" => "microseconds",
        "ms" => "milliseconds",
        "s" => "seconds",
        "min" => "minutes",
        "h" => "hours",
        "By" => "bytes",
        "KiBy" => "kibibytes",
        "MiBy" => "mebibytes",
        "%" => "percent",
        _ => Sanitize(unit, allowColon: false).Trim('_'),
    };

    private static string PerUnitWord(string unit) => unit switch
    {
        "s" => "second",
        "min" => "minute",
        "h" => "hour",
        "d" => "day",
        _ => UnitWord(unit),
    };

    private static string Sanitize(string raw, bool allowColon)
    {
        var sb = new StringBuilder(raw.Length + 1);
        foreach (char c in raw)
        {
            bool ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' || (allowColon && c == ':');
            char next = ok ? c : '_';
            if (next == '_' && sb.Length > 0 && sb[^1] == '_') continue; // collapse runs of underscores
            sb.Append(next);
        }
        while (sb.Length > 1 && sb[^1] == '_') sb.Length--;
        if (sb.Length == 0) return "_";
        if (sb[0] is >= '0' and <= '9') sb.Insert(0, '_');
        return sb.ToString();
    }
}
