using System.Buffers.Binary;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as gzip and zip use it, slicing-by-8 (eight bytes per step
/// through eight tables), several times faster than the byte-at-a-time table loop.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTables();

    /// <summary>Continues <paramref name="crc"/> (0 to start) over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        var t = Table.AsSpan();
        while (data.Length >= 8)
        {
            uint lo = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ c;
            uint hi = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            c = t[(7 * 256) + (int)(lo & 0xFF)] ^ t[(6 * 256) + (int)((lo >> 8) & 0xFF)]
                ^ t[(5 * 256) + (int)((lo >> 16) & 0xFF)] ^ t[(4 * 256) + (int)(lo >> 24)]
                ^ t[(3 * 256) + (int)(hi & 0xFF)] ^ t[(2 * 256) + (int)((hi >> 8) & 0xFF)]
                ^ t[256 + (int)((hi >> 16) & 0xFF)] ^ t[(int)(hi >> 24)];
            data = data[8..];
        }
        foreach (byte b in data) c = t[(int)((c ^ b) & 0xFF)] ^ (c >> 8);
        return ~c;
    }

    private static uint[] BuildTables()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        for (int s = 1; s < 8; s++)
        {
            for (int n = 0; n < 256; n++)
            {
                uint prev = table[((s - 1) * 256) + n];
                table[(s * 256) + n] = table[(int)(prev & 0xFF)] ^ (prev >> 8);
            }
        }
        return table;
    }
}
