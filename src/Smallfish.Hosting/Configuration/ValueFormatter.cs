using System.Globalization;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>Formats option values for printouts and error lines: invariant culture, lower-case booleans and enums.</summary>
internal static class ValueFormatter
{
    /// <summary>Formats one value; secrets go through <see cref="SecretsOptions.Redact"/>.</summary>
    public static string Format(object? value, bool secret)
    {
        if (secret) return SecretsOptions.Redact(value as string ?? value?.ToString());
        return value switch
        {
            null => "",
            string s => ConfigurationError.OneLine(s),
            bool b => b ? "true" : "false",
            Enum e => e.ToString().ToLowerInvariant(),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            TimeOnly t => t.ToString(t.Second == 0 && t.Millisecond == 0 ? "HH:mm" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => ConfigurationError.OneLine(value.ToString() ?? ""),
        };
    }

    /// <summary>Formats a raw configuration string for an error line; secrets are redacted.</summary>
    public static string FormatRaw(string? raw, bool secret) => secret ? SecretsOptions.Redact(raw) : ConfigurationError.OneLine(raw ?? "");
}
