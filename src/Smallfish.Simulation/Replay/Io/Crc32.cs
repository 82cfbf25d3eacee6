using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Smallfish.Simulation.Replay.Io;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as used in the gzip trailer. On x64 with PCLMULQDQ, runs of
/// 64 bytes and more are folded 64 bytes at a time by carry-less multiplication (Intel's "Fast CRC Computation for
/// Generic Polynomials Using PCLMULQDQ", bit-reflected form; the same constants as Linux's crc32-pclmul) and reduced
/// by Barrett reduction; the rest, and every other machine (the Raspberry Pi build), use slicing-by-8 tables.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    /// <summary>Continues <paramref name="crc"/> (start with 0) over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        if (Pclmulqdq.IsSupported && data.Length >= 64)
        {
            int folded = data.Length & ~15;
            c = Fold(c, data[..folded]);
            data = data[folded..];
        }
        return ~Slice8(c, data);
    }

    /// <summary>The table-only form (the reference the folded form is tested against).</summary>
    internal static uint AppendScalar(uint crc, ReadOnlySpan<byte> data) => ~Slice8(~crc, data);

    private static uint Slice8(uint c, ReadOnlySpan<byte> data)
    {
        var t = Table;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            uint lo = c ^ (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
            uint hi = (uint)(data[i + 4] | data[i + 5] << 8 | data[i + 6] << 16 | data[i + 7] << 24);
            c = t[(7 * 256) + (lo & 0xFF)] ^ t[(6 * 256) + ((lo >> 8) & 0xFF)] ^ t[(5 * 256) + ((lo >> 16) & 0xFF)] ^ t[(4 * 256) + (lo >> 24)]
              ^ t[(3 * 256) + (hi & 0xFF)] ^ t[(2 * 256) + ((hi >> 8) & 0xFF)] ^ t[256 + ((hi >> 16) & 0xFF)] ^ t[hi >> 24];
        }
        for (; i < data.Length; i++) c = t[(c ^ data[i]) & 0xFF] ^ (c >> 8);
        return c;
    }

    // data.Length is a multiple of 16 and at least 64; c is the running (inverted) register.
    private static uint Fold(uint c, ReadOnlySpan<byte> data)
    {
        ref byte p = ref MemoryMarshal.GetReference(data);
        nuint len = (nuint)data.Length;
        var k1k2 = Vector128.Create(0x154442bd4UL, 0x1c6e41596UL); // x^(4*128+32) mod P, x^(4*128-32) mod P (reflected)
        var k3k4 = Vector128.Create(0x1751997d0UL, 0x0ccaa009eUL); // x^(128+32), x^(128-32)
        var x1 = Vector128.LoadUnsafe(ref p).AsUInt64() ^ Vector128.CreateScalar((ulong)c);
        var x2 = Vector128.LoadUnsafe(ref p, 16).AsUInt64();
        var x3 = Vector128.LoadUnsafe(ref p, 32).AsUInt64();
        var x4 = Vector128.LoadUnsafe(ref p, 48).AsUInt64();
        nuint i = 64;
        for (; i + 64 <= len; i += 64)
        {
            x1 = FoldInto(x1, k1k2, Vector128.LoadUnsafe(ref p, i).AsUInt64());
            x2 = FoldInto(x2, k1k2, Vector128.LoadUnsafe(ref p, i + 16).AsUInt64());
            x3 = FoldInto(x3, k1k2, Vector128.LoadUnsafe(ref p, i + 32).AsUInt64());
            x4 = FoldInto(x4, k1k2, Vector128.LoadUnsafe(ref p, i + 48).AsUInt64());
        }
        x1 = FoldInto(x1, k3k4, x2);
        x1 = FoldInto(x1, k3k4, x3);
        x1 = FoldInto(x1, k3k4, x4);
        for (; i + 16 <= len; i += 16) x1 = FoldInto(x1, k3k4, Vector128.LoadUnsafe(ref p, i).AsUInt64());

        // 128 -> 64 bits (appending 32 zero bits), then 64 -> 32 by Barrett reduction.
        var mask32 = Vector128.Create(0xFFFFFFFFUL, 0UL);
        x1 = Pclmulqdq.CarrylessMultiply(k3k4, x1, 0x01) ^ Sse2.ShiftRightLogical128BitLane(x1, 8);
        var x5 = Pclmulqdq.CarrylessMultiply(x1 & mask32, Vector128.CreateScalar(0x163cd6124UL), 0x00);
        x1 = Sse2.ShiftRightLogical128BitLane(x1, 4) ^ x5;
        var poly = Vector128.Create(0x1DB710641UL, 0x1F7011641UL); // P(x) reflected, and mu = floor(x^64 / P(x)) reflected
        var t = Pclmulqdq.CarrylessMultiply(x1 & mask32, poly, 0x10) & mask32;
        t = Pclmulqdq.CarrylessMultiply(t, poly, 0x00);
        return (x1 ^ t).AsUInt32().GetElement(1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> FoldInto(Vector128<ulong> x, Vector128<ulong> k, Vector128<ulong> next) =>
        Pclmulqdq.CarrylessMultiply(x, k, 0x00) ^ Pclmulqdq.CarrylessMultiply(x, k, 0x11) ^ next;

    private static uint[] Build()
    {
        var t = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        for (int s = 1; s < 8; s++)
        {
            for (int n = 0; n < 256; n++) t[(s * 256) + n] = t[((s - 1) * 256) + n] >> 8 ^ t[t[((s - 1) * 256) + n] & 0xFF];
        }
        return t;
    }
}
