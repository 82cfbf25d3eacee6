using System.Buffers.Binary;
using System.IO.Compression;
using Smallfish.Simulation.Replay.Io;

namespace Smallfish.Fuzz.Tests.Replay;

/// <summary>The gzip CRC-32 the line reader checks: the folded (PCLMULQDQ) form against gzip's own trailer and the tables.</summary>
public sealed class Crc32Tests
{
    [Test]
    public void Append_RandomBuffers_MatchesGzipTrailerAndTableForm()
    {
        var rng = new Random(20240718);
        for (int round = 0; round < 400; round++)
        {
            int length = round < 200 ? round + 1 : rng.Next(200, 70_000);
            byte[] data = new byte[length];
            rng.NextBytes(data);
            uint expected = GzipTrailerCrc(data);
            Assert.That(Crc32.Append(0, data), Is.EqualTo(expected), $"length {length}");
            Assert.That(Crc32.AppendScalar(0, data), Is.EqualTo(expected), $"length {length}, tables");
        }
    }

    [Test]
    public void Append_InPieces_EqualsAppendOfTheWhole()
    {
        var rng = new Random(7);
        byte[] data = new byte[100_000];
        rng.NextBytes(data);
        uint whole = Crc32.Append(0, data);
        for (int round = 0; round < 50; round++)
        {
            uint crc = 0;
            int at = 0;
            while (at < data.Length)
            {
                int n = Math.Min(data.Length - at, rng.Next(1, 5_000));
                crc = Crc32.Append(crc, data.AsSpan(at, n));
                at += n;
            }
            Assert.That(crc, Is.EqualTo(whole));
        }
        Assert.That(Crc32.Append(0, "123456789"u8), Is.EqualTo(0xCBF43926u), "the standard check value");
    }

    private static uint GzipTrailerCrc(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return BinaryPrimitives.ReadUInt32LittleEndian(output.ToArray().AsSpan((int)output.Length - 8, 4));
    }
}
