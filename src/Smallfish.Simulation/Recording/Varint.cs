using System.Runtime.CompilerServices;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// LEB128 unsigned varints (7 bits per byte, low groups first, high bit = more) and ZigZag for signed values
/// (0, -1, 1, -2 ... map to 0, 1, 2, 3 ...). All arithmetic wraps, so every long round-trips.
/// </summary>
internal static class Varint
{
    public const int MaxBytes = 10;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    public static int Size(ulong value)
    {
        int n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> dest, int pos, ulong value)
    {
        while (value >= 0x80)
        {
            dest[pos++] = (byte)(value | 0x80);
            value >>= 7;
        }
        dest[pos++] = (byte)value;
        return pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteSigned(Span<byte> dest, int pos, long value) => Write(dest, pos, ZigZag(value));

    /// <summary>Reads a varint at <paramref name="pos"/>; throws <see cref="RecordingFormatException"/> past the span's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(ReadOnlySpan<byte> src, ref int pos)
    {
        // One- and two-byte values (most deltas and sizes) are decoded inline; longer ones take the loop.
        uint p = (uint)pos;
        if (p < (uint)src.Length)
        {
            uint b0 = src[(int)p];
            if (b0 < 0x80)
            {
                pos = (int)p + 1;
                return b0;
            }
            if (p + 1 < (uint)src.Length)
            {
                uint b1 = src[(int)p + 1];
                if (b1 < 0x80)
                {
                    pos = (int)p + 2;
                    return (b0 & 0x7F) | (b1 << 7);
                }
            }
        }
        return ReadSlow(src, ref pos);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ReadSigned(ReadOnlySpan<byte> src, ref int pos) => UnZigZag(Read(src, ref pos));

    private static ulong ReadSlow(ReadOnlySpan<byte> src, ref int pos)
    {
        ulong result = 0;
        int shift = 0;
        int p = pos;
        while (true)
        {
            if ((uint)p >= (uint)src.Length) throw new RecordingFormatException("record ends inside a varint", p);
            byte b = src[p++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) break;
            shift += 7;
            if (shift >= 64) throw new RecordingFormatException("varint longer than 10 bytes", p - 1);
        }
        pos = p;
        return result;
    }
}
