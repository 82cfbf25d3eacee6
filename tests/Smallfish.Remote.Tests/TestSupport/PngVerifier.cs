using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Smallfish.Remote.Tests.TestSupport;

/// <summary>A decoded 8-bit RGB PNG.</summary>
internal sealed record DecodedPng(int Width, int Height, byte[] Rgb, byte[] FilterBytes, IReadOnlyList<string> ChunkTypes)
{
    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        var i = (y * Width + x) * 3;
        return (Rgb[i], Rgb[i + 1], Rgb[i + 2]);
    }
}

/// <summary>
/// An independent PNG checker, written for the tests (it shares no code with the encoder): signature, chunk layout
/// (IHDR first, IDATs contiguous, IEND last and empty), each chunk's CRC-32 by a bit-at-a-time implementation, the
/// zlib header and Adler-32 trailer, the decompressed size, every filter byte, and unfiltering (types 0-4).
/// Throws <see cref="InvalidDataException"/> with the reason.
/// </summary>
internal static class PngVerifier
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static DecodedPng Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature)) throw new InvalidDataException("bad PNG signature");
        int pos = 8;
        var types = new List<string>();
        var idat = new MemoryStream();
        int width = 0, height = 0;
        bool ended = false, idatClosed = false;
        while (pos < png.Length)
        {
            if (ended) throw new InvalidDataException("data after IEND");
            if (pos + 12 > png.Length) throw new InvalidDataException("truncated chunk header");
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            if (length < 0 || pos + 12 + length > png.Length) throw new InvalidDataException("chunk length out of range");
            var type = Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            var expected = BitwiseCrc32(png.AsSpan(pos + 4, 4 + length));
            if (crc != expected) throw new InvalidDataException($"CRC mismatch in {type}: stored {crc:X8}, computed {expected:X8}");
            if (types.Count == 0 && type != "IHDR") throw new InvalidDataException("first chunk is not IHDR");
            if (types.Count > 0 && types[^1] == "IDAT" && type != "IDAT") idatClosed = true;
            types.Add(type);
            switch (type)
            {
                case "IHDR":
                    if (length != 13) throw new InvalidDataException("IHDR length must be 13");
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    if (width <= 0 || height <= 0) throw new InvalidDataException("zero dimension");
                    if (data[8] != 8 || data[9] != 2) throw new InvalidDataException($"expected 8-bit RGB, got depth {data[8]} colour type {data[9]}");
                    if (data[10] != 0 || data[11] != 0 || data[12] != 0) throw new InvalidDataException("unsupported compression/filter/interlace");
                    break;
                case "IDAT":
                    if (idatClosed) throw new InvalidDataException("IDAT chunks are not contiguous");
                    idat.Write(data);
                    break;
                case "IEND":
                    if (length != 0) throw new InvalidDataException("IEND must be empty");
                    ended = true;
                    break;
            }
            pos += 12 + length;
        }
        if (!ended) throw new InvalidDataException("no IEND");
        var zlib = idat.ToArray();
        if (zlib.Length < 6) throw new InvalidDataException("IDAT too short");
        if ((zlib[0] & 0x0F) != 8 || ((zlib[0] << 8) | zlib[1]) % 31 != 0) throw new InvalidDataException("bad zlib header");

        var stride = width * 3;
        var raw = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress)) z.CopyTo(raw);
        var bytes = raw.ToArray();
        if (bytes.Length != height * (stride + 1)) throw new InvalidDataException($"decompressed {bytes.Length} bytes, expected {height * (stride + 1)}");
        var adler = BinaryPrimitives.ReadUInt32BigEndian(zlib.AsSpan(zlib.Length - 4));
        if (adler != Adler32(bytes)) throw new InvalidDataException("Adler-32 mismatch");

        var rgb = new byte[height * stride];
        var filters = new byte[height];
        for (int y = 0; y < height; y++)
        {
            var f = bytes[y * (stride + 1)];
            if (f > 4) throw new InvalidDataException($"row {y}: filter byte {f} out of range");
            filters[y] = f;
            for (int x = 0; x < stride; x++)
            {
                int a = x >= 3 ? rgb[y * stride + x - 3] : 0;
                int b = y > 0 ? rgb[(y - 1) * stride + x] : 0;
                int c = x >= 3 && y > 0 ? rgb[(y - 1) * stride + x - 3] : 0;
                int v = bytes[y * (stride + 1) + 1 + x];
                rgb[y * stride + x] = (byte)(f switch
                {
                    0 => v,
                    1 => v + a,
                    2 => v + b,
                    3 => v + (a + b) / 2,
                    _ => v + Paeth(a, b, c),
                });
            }
        }
        return new DecodedPng(width, height, rgb, filters, types);
    }

    public static uint BitwiseCrc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var d in data)
        {
            a = (a + d) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
