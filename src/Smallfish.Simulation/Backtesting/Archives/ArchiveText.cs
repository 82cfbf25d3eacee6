namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>Allocation-free helpers for the archive CSV rows: splitting, integers, times and booleans.</summary>
internal static class ArchiveText
{
    /// <summary>Splits a comma-separated row (no quoting: archive rows have none) into at most cells.Length cells; returns the count, or -1 for more.</summary>
    public static int Split(ReadOnlySpan<byte> line, Span<Range> cells)
    {
        int count = 0, start = 0;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] != (byte)',') continue;
            if (count == cells.Length) return -1;
            cells[count++] = new Range(start, i);
            start = i + 1;
        }
        return count;
    }

    /// <summary>True when the row's first cell does not start with a digit or sign: a header row.</summary>
    public static bool IsHeader(ReadOnlySpan<byte> line) => !line.IsEmpty && !(line[0] is (>= (byte)'0' and <= (byte)'9') or (byte)'-');

    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty) return false;
        bool negative = text[0] == (byte)'-';
        int i = negative ? 1 : 0;
        if (i == text.Length) return false;
        for (; i < text.Length; i++)
        {
            uint d = (uint)(text[i] - '0');
            if (d > 9 || value > (long.MaxValue - 9) / 10) return false;
            value = (value * 10) + d;
        }
        if (negative) value = -value;
        return true;
    }

    /// <summary>Integer milliseconds to ns.</summary>
    public static bool TryParseMsToNs(ReadOnlySpan<byte> text, out long ns)
    {
        ns = 0;
        if (!TryParseInt64(text, out long ms) || ms < 0 || ms > long.MaxValue / 1_000_000) return false;
        ns = ms * 1_000_000;
        return true;
    }

    /// <summary>Decimal seconds ("1784851200.0547", "1649054912") to ns, exactly (at most 9 fraction digits kept, more are truncated).</summary>
    public static bool TryParseSecondsToNs(ReadOnlySpan<byte> text, out long ns)
    {
        ns = 0;
        int dot = text.IndexOf((byte)'.');
        var whole = dot < 0 ? text : text[..dot];
        if (!TryParseInt64(whole, out long seconds) || seconds < 0 || seconds > long.MaxValue / 1_000_000_000L - 1) return false;
        long fraction = 0;
        if (dot >= 0)
        {
            var digits = text[(dot + 1)..];
            if (digits.IsEmpty) return false;
            long scale = 100_000_000;
            for (int i = 0; i < digits.Length; i++)
            {
                uint d = (uint)(digits[i] - '0');
                if (d > 9) return false;
                if (i < 9)
                {
                    fraction += d * scale;
                    scale /= 10;
                }
            }
        }
        ns = (seconds * 1_000_000_000L) + fraction;
        return true;
    }

    /// <summary>"true"/"false" in any case.</summary>
    public static bool TryParseBool(ReadOnlySpan<byte> text, out bool value)
    {
        if (text.Length == 4 && (text[0] | 0x20) == 't' && (text[1] | 0x20) == 'r' && (text[2] | 0x20) == 'u' && (text[3] | 0x20) == 'e') { value = true; return true; }
        if (text.Length == 5 && (text[0] | 0x20) == 'f' && (text[1] | 0x20) == 'a' && (text[2] | 0x20) == 'l' && (text[3] | 0x20) == 's' && (text[4] | 0x20) == 'e') { value = false; return true; }
        value = false;
        return false;
    }

    /// <summary>A stable 63-bit FNV-1a hash of an id string (Bybit's UUID trade ids), never 0.</summary>
    public static long HashId(ReadOnlySpan<byte> id)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in id) h = (h ^ b) * 1099511628211UL;
        long v = (long)(h & 0x7FFF_FFFF_FFFF_FFFFUL);
        return v == 0 ? 1 : v;
    }

    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, string b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
        }
        return true;
    }
}
