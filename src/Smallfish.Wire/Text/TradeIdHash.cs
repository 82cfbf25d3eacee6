namespace Smallfish.Wire.Text;

/// <summary>
/// Turns an exchange trade id string into a stable 64-bit number without allocating: a decimal id that fits in a
/// long is used as is (Bybit spot, Binance); anything else (Bybit linear UUIDs) is hashed with 64-bit FNV-1a, which is
/// stable across runs and machines (unlike <see cref="string.GetHashCode()"/>).
/// </summary>
public static class TradeIdHash
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>The numeric id or the FNV-1a hash of <paramref name="id"/>.</summary>
    public static long Compute(ReadOnlySpan<byte> id)
    {
        if (id.Length is > 0 and <= 18)
        {
            long value = 0;
            int i = 0;
            for (; i < id.Length; i++)
            {
                uint d = (uint)(id[i] - '0');
                if (d > 9) break;
                value = value * 10 + d;
            }
            if (i == id.Length) return value;
        }
        ulong h = FnvOffset;
        foreach (byte b in id) h = (h ^ b) * FnvPrime;
        return (long)h;
    }
}
