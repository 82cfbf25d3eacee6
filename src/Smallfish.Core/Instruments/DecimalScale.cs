namespace Smallfish.Core.Instruments;

/// <summary>
/// Exact conversion between decimal text and integer multiples of a step (tick size or quantity step),
/// with no floating point anywhere. A number with <c>d</c> decimals and mantissa <c>m</c> equals
/// <c>m * 10^-d</c>; in steps of <c>s = sm * 10^-sd</c> that is <c>m * 10^(sd-d) / sm</c>, exact or rejected.
/// </summary>
public sealed class DecimalScale
{
    private const int MaxDecimals = 18;
    private static readonly long[] Pow10 = BuildPow10();

    private readonly long[] _mul = new long[MaxDecimals + 1];
    private readonly long[] _div = new long[MaxDecimals + 1];

    /// <summary>Creates a scale for the given positive step.</summary>
    public DecimalScale(decimal step)
    {
        if (step <= 0) throw new ArgumentOutOfRangeException(nameof(step), step, "step must be positive");
        Step = step;
        (StepMantissa, StepDecimals) = Normalize(step);
        for (int d = 0; d <= MaxDecimals; d++)
        {
            // steps = m * 10^(StepDecimals - d) / StepMantissa
            int e = StepDecimals - d;
            if (e >= 0) { _mul[d] = Pow10[e]; _div[d] = StepMantissa; }
            else
            {
                // A whole-number step (e.g. 100) with many decimals in the text: the divisor can exceed long.
                // No non-zero long mantissa is a multiple of such a divisor, so mark it (0) and accept only zero.
                _mul[d] = 1;
                _div[d] = StepMantissa <= long.MaxValue / Pow10[-e] ? StepMantissa * Pow10[-e] : 0;
            }
        }
    }

    /// <summary>The step as a decimal (e.g. 0.1).</summary>
    public decimal Step { get; }

    /// <summary>Integer mantissa of the step (0.5 gives 5).</summary>
    public long StepMantissa { get; }

    /// <summary>Number of decimals of the step (0.5 gives 1).</summary>
    public int StepDecimals { get; }

    /// <summary>
    /// Parses ASCII decimal text (optional leading '-', digits, optional '.', digits) into a whole number of steps.
    /// Returns false for malformed text, more than 18 decimals, overflow, or a value that is not a whole number of steps.
    /// </summary>
    public bool TryParseSteps(ReadOnlySpan<byte> text, out long steps)
    {
        // Plain short numbers ("63943.90", "0.003"), nearly every number on the wire, take the short path; anything
        // else (a sign, 19+ characters, a malformed text, an off-grid value) is decided by the general loop below.
        if (text.Length <= 18 && TryParseShort(text, out steps)) return true;
        return TryParseGeneral(text, out steps);
    }

    // At most 18 characters, so at most 18 digits: the mantissa cannot overflow and no digit needs a check. The value
    // m * 10^-d is the general loop's m' * 10^-d' with the trailing zeros left in, so the step arithmetic gives the
    // same whole number of steps whenever it is exact; false means "not decided here", never "malformed".
    private bool TryParseShort(ReadOnlySpan<byte> text, out long steps)
    {
        steps = 0;
        long mantissa = 0;
        int point = -1;
        for (int i = 0; i < text.Length; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                continue;
            }
            if (text[i] != (byte)'.' || point >= 0) return false;
            point = i;
        }
        int decimals = point < 0 ? 0 : text.Length - point - 1;
        if (text.Length - (point < 0 ? 0 : 1) == 0) return false;
        long mul = _mul[decimals], div = _div[decimals];
        if (div <= 0 || (mul != 1 && mantissa > long.MaxValue / mul)) return false;
        mantissa *= mul;
        if (div != 1)
        {
            long q = mantissa / div;
            if (q * div != mantissa) return false;
            mantissa = q;
        }
        steps = mantissa;
        return true;
    }

    private bool TryParseGeneral(ReadOnlySpan<byte> text, out long steps)
    {
        steps = 0;
        if (text.IsEmpty) return false;
        int i = 0;
        bool negative = false;
        if (text[0] == (byte)'-') { negative = true; i = 1; if (text.Length == 1) return false; }
        long mantissa = 0;
        int decimals = -1;
        int digits = 0;
        int pendingZeros = 0; // zeros after the point not yet folded into the mantissa (trailing zeros cost nothing)
        for (; i < text.Length; i++)
        {
            byte c = text[i];
            if (c == (byte)'.')
            {
                if (decimals >= 0) return false;
                decimals = 0;
                continue;
            }
            uint digit = (uint)(c - '0');
            if (digit > 9) return false;
            digits++;
            if (decimals >= 0)
            {
                decimals++;
                if (digit == 0)
                {
                    pendingZeros++;
                    continue;
                }
                for (; pendingZeros > 0; pendingZeros--)
                {
                    if (mantissa > long.MaxValue / 10) return false;
                    mantissa *= 10;
                }
            }
            if (mantissa > (long.MaxValue - digit) / 10) return false; // exact: 9223372036854775807 still fits
            mantissa = mantissa * 10 + digit;
        }
        if (digits == 0) return false;
        if (decimals < 0) decimals = 0;
        decimals -= pendingZeros;
        // Trailing zeros beyond what the table covers cannot be represented; strip them first.
        while (decimals > MaxDecimals && mantissa % 10 == 0) { mantissa /= 10; decimals--; }
        if (decimals > MaxDecimals) return false;
        long mul = _mul[decimals], div = _div[decimals];
        if (div == 0)
        {
            if (mantissa != 0) return false;
            steps = 0;
            return true;
        }
        if (mul != 1)
        {
            if (mantissa > long.MaxValue / mul) return false;
            mantissa *= mul;
        }
        if (div != 1)
        {
            long q = mantissa / div;
            if (q * div != mantissa) return false;
            mantissa = q;
        }
        steps = negative ? -mantissa : mantissa;
        return true;
    }

    /// <summary>Parses text into steps, rounding to the nearest step when the value is off the grid.</summary>
    public bool TryParseStepsRounded(ReadOnlySpan<byte> text, out long steps)
    {
        if (TryParseSteps(text, out steps)) return true;
        Span<char> chars = stackalloc char[text.Length];
        for (int i = 0; i < text.Length; i++) chars[i] = (char)text[i];
        if (!decimal.TryParse(chars, System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var value)) return false;
        steps = ToSteps(value, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>Converts a decimal value to steps with the given rounding.</summary>
    public long ToSteps(decimal value, MidpointRounding rounding) => (long)decimal.Round(value / Step, 0, rounding);

    /// <summary>Converts a decimal value to steps, rounding toward negative infinity.</summary>
    public long FloorSteps(decimal value) => (long)decimal.Floor(value / Step);

    /// <summary>Converts a decimal value to steps, rounding toward positive infinity.</summary>
    public long CeilingSteps(decimal value) => (long)decimal.Ceiling(value / Step);

    /// <summary>The decimal value of a whole number of steps.</summary>
    public decimal ToDecimal(long steps) => steps * Step;

    /// <summary>The value of a number of steps as a double (for signal maths only).</summary>
    public double ToDouble(long steps) => (double)(steps * Step);

    /// <summary>Formats a whole number of steps with exactly the step's decimals, invariant culture.</summary>
    public string Format(long steps) => ToDecimal(steps).ToString("F" + StepDecimals, System.Globalization.CultureInfo.InvariantCulture);

    private static (long Mantissa, int Decimals) Normalize(decimal step)
    {
        int decimals = 0;
        decimal v = step;
        while (decimal.Truncate(v) != v)
        {
            v *= 10;
            decimals++;
            if (decimals > MaxDecimals) throw new ArgumentOutOfRangeException(nameof(step), step, "step has more than 18 decimals");
        }
        return ((long)v, decimals);
    }

    private static long[] BuildPow10()
    {
        var p = new long[MaxDecimals + 1];
        p[0] = 1;
        for (int i = 1; i < p.Length; i++) p[i] = p[i - 1] * 10;
        return p;
    }
}
