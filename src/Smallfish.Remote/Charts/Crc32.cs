namespace Smallfish.Remote.Charts;

/// <summary>
/// CRC-32 as PNG (and zlib's gzip, Ethernet) define it: reflected polynomial 0xEDB88320, initial value and final XOR
/// 0xFFFFFFFF. Table-driven, one byte at a time. Check value: "123456789" gives 0xCBF43926.
/// </summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    /// <summary>Register value before any data (pass it to <see cref="Append"/>).</summary>
    public const uint Start = 0xFFFFFFFFu;

    /// <summary>Feeds <paramref name="data"/> into a running register (start with <see cref="Start"/>).</summary>
    public static uint Append(uint register, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) register = Table[(register ^ b) & 0xFF] ^ (register >> 8);
        return register;
    }

    /// <summary>Turns a running register into the CRC value.</summary>
    public static uint Finish(uint register) => register ^ 0xFFFFFFFFu;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
