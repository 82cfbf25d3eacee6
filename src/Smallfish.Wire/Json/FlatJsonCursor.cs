namespace Smallfish.Wire.Json;

/// <summary>
/// A strict forward cursor over compact JSON of a known shape (no whitespace, no escapes, keys in a fixed order), for
/// the fast paths of the market-data parsers. Every method either consumes exactly the text it expects and returns
/// true, or returns false and leaves the caller to give the whole message to the general parser: it never decides
/// that a message is malformed, so accepting less than JSON allows is always safe.
/// </summary>
internal ref struct FlatJsonCursor
{
    private readonly ReadOnlySpan<byte> _s;
    private int _pos;

    public FlatJsonCursor(ReadOnlySpan<byte> text)
    {
        _s = text;
        _pos = 0;
    }

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool AtEnd => _pos == _s.Length;

    /// <summary>The next byte, or 0 at the end.</summary>
    public readonly byte Peek => (uint)_pos < (uint)_s.Length ? _s[_pos] : (byte)0;

    /// <summary>Consumes <paramref name="literal"/> when the text continues with it.</summary>
    public bool Lit(ReadOnlySpan<byte> literal)
    {
        if (!_s[_pos..].StartsWith(literal)) return false;
        _pos += literal.Length;
        return true;
    }

    /// <summary>Consumes one byte when it is <paramref name="b"/>.</summary>
    public bool Byte(byte b)
    {
        if ((uint)_pos >= (uint)_s.Length || _s[_pos] != b) return false;
        _pos++;
        return true;
    }

    /// <summary>
    /// The body of a string whose opening quote was consumed, up to and past its closing quote. Only printable ASCII
    /// without backslashes is accepted (anything else is left to the general parser, which validates it).
    /// </summary>
    public bool Str(out ReadOnlySpan<byte> value)
    {
        var rest = _s[_pos..];
        int i = 0;
        while (true)
        {
            if ((uint)i >= (uint)rest.Length)
            {
                value = default;
                return false;
            }
            byte c = rest[i];
            if (c == (byte)'"') break;
            if (c < 0x20 || c >= 0x7F || c == (byte)'\\')
            {
                value = default;
                return false;
            }
            i++;
        }
        value = rest[..i];
        _pos += i + 1;
        return true;
    }

    /// <summary>
    /// A non-negative JSON integer of at most 18 digits (no sign, no leading zero, no fraction or exponent: the byte
    /// after it must not continue a number).
    /// </summary>
    public bool Uint(out long value)
    {
        value = 0;
        var rest = _s[_pos..];
        int i = 0;
        while ((uint)i < (uint)rest.Length)
        {
            uint d = (uint)(rest[i] - '0');
            if (d > 9) break;
            value = (value * 10) + d;
            i++;
        }
        if (i == 0 || i > 18 || (i > 1 && rest[0] == (byte)'0')) return false;
        if ((uint)i < (uint)rest.Length && rest[i] is (byte)'.' or (byte)'e' or (byte)'E') return false;
        _pos += i;
        return true;
    }
}
