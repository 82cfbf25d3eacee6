using System.Text;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// One configuration problem: the key path (e.g. <c>Smallfish:Risk:RiskPerTradePct</c>, or an environment variable or
/// file name for problems found while loading), the offending value as it may be shown (already redacted when it is a
/// secret; null when there is no single value) and the rule it breaks. <see cref="ToString"/> renders one line.
/// </summary>
/// <param name="Key">Configuration key path, environment variable or file the problem is about.</param>
/// <param name="Value">Displayable offending value (redacted for secrets), or null.</param>
/// <param name="Rule">The rule that is broken, e.g. "must be > 0 and &lt;= 100".</param>
public sealed record ConfigurationError(string Key, string? Value, string Rule)
{
    /// <summary>Every rendered line starts with this prefix.</summary>
    public const string LinePrefix = "config error: ";

    /// <summary>Renders the error as one line: <c>config error: KEY = 'VALUE': RULE</c> (or <c>config error: KEY: RULE</c> without a value).</summary>
    public override string ToString()
    {
        var line = new StringBuilder(LinePrefix.Length + Key.Length + Rule.Length + 16);
        line.Append(LinePrefix).Append(OneLine(Key));
        if (Value is not null) line.Append(" = '").Append(OneLine(Value)).Append('\'');
        line.Append(": ").Append(OneLine(Rule));
        return line.ToString();
    }

    /// <summary>Escapes line breaks and tabs so that any text stays on one line.</summary>
    internal static string OneLine(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n', '\t') < 0) return text;
        return text.Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);
    }
}
