using System.Buffers.Text;
using System.Text;

namespace Smallfish.Wire.Writing;

/// <summary>Builds ASCII topic and stream names ("orderbook.50.BTCUSDT", "btcusdt@depth@100ms") on the stack.</summary>
public static class WireTopic
{
    /// <summary>Longest name this helper builds.</summary>
    public const int MaxLength = 128;

    /// <summary>Writes <paramref name="prefix"/> + optional <paramref name="number"/> and "." + <paramref name="symbol"/>; returns the length.</summary>
    public static int Bybit(Span<byte> dest, ReadOnlySpan<byte> prefix, int number, string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        prefix.CopyTo(dest);
        int pos = prefix.Length;
        if (number >= 0)
        {
            Utf8Formatter.TryFormat(number, dest[pos..], out int n);
            pos += n;
            dest[pos++] = (byte)'.';
        }
        pos += Encoding.ASCII.GetBytes(symbol, dest[pos..]);
        return pos;
    }

    /// <summary>Writes the lower-cased <paramref name="symbol"/> followed by <paramref name="suffix"/> (e.g. "@aggTrade"); returns the length.</summary>
    public static int Binance(Span<byte> dest, string symbol, ReadOnlySpan<byte> suffix)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        int pos = Encoding.ASCII.GetBytes(symbol, dest);
        for (int i = 0; i < pos; i++)
        {
            if (dest[i] is >= (byte)'A' and <= (byte)'Z') dest[i] = (byte)(dest[i] + 32);
        }
        suffix.CopyTo(dest[pos..]);
        return pos + suffix.Length;
    }
}
