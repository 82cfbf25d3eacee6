using System.Buffers.Binary;
using System.Numerics;

namespace Smallfish.Simulation.Recording;

/// <summary>CRC-32C (Castagnoli) as used by the recording format's block and header checksums (hardware-accelerated where available).</summary>
public static class Crc32C
{
    /// <summary>The checksum of <paramref name="data"/> (initial value and final xor 0xFFFFFFFF; "123456789" gives 0xE3069283).</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8) crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i, 8)));
        for (; i < data.Length; i++) crc = BitOperations.Crc32C(crc, data[i]);
        return ~crc;
    }
}
