using System.Buffers.Text;

namespace Smallfish.Wire.Text;

/// <summary>Allocation-free parsing of the plain ASCII numbers exchanges and recorders write.</summary>
public static class WireNumbers
{
    /// <summary>Nanoseconds per millisecond.</summary>
    public const long NsPerMs = 1_000_000;

    /// <summary>Parses a whole decimal integer (optional '-') that spans the entire input.</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value) =>
        Utf8Parser.TryParse(text, out value, out int consumed) && consumed == text.Length && text.Length > 0;

    /// <summary>
    /// Parses a finite floating-point number that spans the entire input (for signal-side values such as funding rates).
    /// False for NaN, Infinity and numbers too large for a double (1e400), which would otherwise parse as infinity.
    /// </summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value) =>
        Utf8Parser.TryParse(text, out value, out int consumed) && consumed == text.Length && text.Length > 0 && double.IsFinite(value);

    /// <summary>The largest millisecond time whose nanoseconds still fit in a long (year 2262).</summary>
    public const long MaxTimeMs = long.MaxValue / NsPerMs;

    /// <summary>Milliseconds since the epoch to nanoseconds since the epoch.</summary>
    public static long MsToNs(long ms) => ms * NsPerMs;

    /// <summary>True when <paramref name="ms"/> is a time <see cref="MsToNs"/> can convert: not negative, no overflow.</summary>
    public static bool IsTimeMs(long ms) => ms is >= 0 and <= MaxTimeMs;

    /// <summary>
    /// Parses non-negative decimal seconds such as <c>1786310846.53812</c> into integer nanoseconds, exactly (digits past
    /// the ninth decimal are truncated). Used for recorders that stamp local time as float seconds; going through a
    /// double would lose the sub-microsecond digits.
    /// </summary>
    public static bool TryParseSecondsToNs(ReadOnlySpan<byte> text, out long ns)
    {
        ns = 0;
        long seconds = 0;
        long fraction = 0;
        int fractionDigits = 0;
        bool inFraction = false;
        int digits = 0;
        foreach (byte c in text)
        {
            if (c == (byte)'.')
            {
                if (inFraction) return false;
                inFraction = true;
                continue;
            }
            uint d = (uint)(c - '0');
            if (d > 9) return false;
            digits++;
            if (!inFraction)
            {
                if (seconds > 9_000_000_000L) return false; // beyond what fits in long nanoseconds
                seconds = seconds * 10 + d;
            }
            else if (fractionDigits < 9)
            {
                fraction = fraction * 10 + d;
                fractionDigits++;
            }
        }
        if (digits == 0) return false;
        for (; fractionDigits < 9; fractionDigits++) fraction *= 10;
        ns = seconds * 1_000_000_000L + fraction;
        return true;
    }
}
