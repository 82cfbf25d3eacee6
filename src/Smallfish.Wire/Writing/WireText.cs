using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Smallfish.Core.Instruments;

namespace Smallfish.Wire.Writing;

/// <summary>
/// Number formatting for the frame writers: ticks and lots become exchange decimal strings with exactly the step's
/// decimals (tick 0.10 gives "16493.50", step 0.001 gives "0.006"), other decimals are written without exponent or
/// trailing zeros, all in the invariant culture and straight into UTF-8 (no string allocation).
/// </summary>
public static class WireText
{
    /// <summary>Room for any long times a step mantissa, a sign and a decimal point.</summary>
    public const int MaxStepChars = 48;

    /// <summary>Writes <paramref name="steps"/> x the scale's step into <paramref name="dest"/>; returns the bytes written.</summary>
    public static int FormatSteps(long steps, DecimalScale scale, Span<byte> dest)
    {
        ArgumentNullException.ThrowIfNull(scale);
        Int128 value = (Int128)steps * scale.StepMantissa;
        int decimals = scale.StepDecimals;
        bool negative = value < 0;
        if (negative) value = -value;
        Span<byte> digits = stackalloc byte[40];
        int n = 0;
        do
        {
            digits[n++] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value > 0 || n <= decimals);
        int pos = 0;
        if (negative) dest[pos++] = (byte)'-';
        for (int i = n - 1; i >= 0; i--)
        {
            dest[pos++] = digits[i];
            if (i == decimals && decimals > 0) dest[pos++] = (byte)'.';
        }
        return pos;
    }

    /// <summary>Writes a property whose value is <paramref name="steps"/> on the scale, as a JSON string.</summary>
    public static void WriteSteps(Utf8JsonWriter w, ReadOnlySpan<byte> name, long steps, DecimalScale scale)
    {
        ArgumentNullException.ThrowIfNull(w);
        Span<byte> buffer = stackalloc byte[MaxStepChars];
        w.WriteString(name, buffer[..FormatSteps(steps, scale, buffer)]);
    }

    /// <summary>Writes <paramref name="steps"/> on the scale as a JSON string array element.</summary>
    public static void WriteStepsValue(Utf8JsonWriter w, long steps, DecimalScale scale)
    {
        ArgumentNullException.ThrowIfNull(w);
        Span<byte> buffer = stackalloc byte[MaxStepChars];
        w.WriteStringValue(buffer[..FormatSteps(steps, scale, buffer)]);
    }

    /// <summary>Writes a decimal as a JSON string with no exponent and no trailing zeros ("0" for zero).</summary>
    public static void WriteDecimal(Utf8JsonWriter w, ReadOnlySpan<byte> name, decimal value)
    {
        ArgumentNullException.ThrowIfNull(w);
        Span<byte> buffer = stackalloc byte[MaxStepChars];
        w.WriteString(name, buffer[..FormatDecimal(value, buffer)]);
    }

    /// <summary>Writes a decimal rounded to <paramref name="decimals"/> places, keeping trailing zeros (e.g. "0.00000").</summary>
    public static void WriteDecimalFixed(Utf8JsonWriter w, ReadOnlySpan<byte> name, decimal value, int decimals)
    {
        ArgumentNullException.ThrowIfNull(w);
        Span<byte> buffer = stackalloc byte[MaxStepChars];
        decimal rounded = decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (!rounded.TryFormat(buffer, out int written, "F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            throw new InvalidOperationException("decimal does not fit the buffer");
        w.WriteString(name, buffer[..written]);
    }

    /// <summary>Writes a double (rates, ratios) rounded to <paramref name="maxDecimals"/> places, trailing zeros removed.</summary>
    public static void WriteDouble(Utf8JsonWriter w, ReadOnlySpan<byte> name, double value, int maxDecimals)
    {
        ArgumentNullException.ThrowIfNull(w);
        decimal d = double.IsFinite(value) && Math.Abs(value) < 7.9e27 ? decimal.Round((decimal)value, maxDecimals, MidpointRounding.AwayFromZero) : 0m;
        WriteDecimal(w, name, d);
    }

    /// <summary>Writes a long as a JSON string ("1760342400000"), as Bybit sends times and ids.</summary>
    public static void WriteLongString(Utf8JsonWriter w, ReadOnlySpan<byte> name, long value)
    {
        ArgumentNullException.ThrowIfNull(w);
        Span<byte> buffer = stackalloc byte[24];
        if (!Utf8Formatter.TryFormat(value, buffer, out int written)) throw new InvalidOperationException("long does not fit the buffer");
        w.WriteString(name, buffer[..written]);
    }

    /// <summary>Formats a decimal without exponent or trailing zeros.</summary>
    public static int FormatDecimal(decimal value, Span<byte> dest)
    {
        decimal normalized = value / 1.0000000000000000000000000000m; // the fewest decimals that represent the value
        if (normalized == 0m) normalized = 0m; // no "-0"
        if (!normalized.TryFormat(dest, out int written, default, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("decimal does not fit the buffer");
        return written;
    }
}
