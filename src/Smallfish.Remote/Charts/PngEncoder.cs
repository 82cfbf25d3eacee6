using System.Buffers.Binary;
using System.IO.Compression;

namespace Smallfish.Remote.Charts;

/// <summary>
/// A minimal PNG writer: 8-bit truecolour (colour type 2), no interlace; the signature, <c>IHDR</c>, the zlib-compressed
/// scanlines (each with filter byte 0) in one or more <c>IDAT</c> chunks, and <c>IEND</c>; every chunk with its
/// CRC-32 over type and data. Enough for charts sent to Telegram (no ancillary chunks, no palette, no alpha).
/// </summary>
public static class PngEncoder
{
    /// <summary>The eight bytes every PNG starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Largest IDAT chunk written; longer streams are split over several chunks.</summary>
    public const int MaxIdatChunk = 64 * 1024;

    /// <summary>Encodes <paramref name="rgb"/> (rows top to bottom, 3 bytes per pixel, no padding) as a PNG.</summary>
    public static byte[] EncodeRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"image must be at least 1x1, got {width}x{height}");
        long expected = (long)width * height * 3;
        if (rgb.Length != expected) throw new ArgumentException($"expected {expected} bytes for {width}x{height} RGB, got {rgb.Length}", nameof(rgb));

        using var png = new MemoryStream();
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method 0
        header[12] = 0; // no interlace
        WriteChunk(png, "IHDR"u8, header);

        var compressed = Compress(width, height, rgb);
        for (int offset = 0; offset < compressed.Length; offset += MaxIdatChunk)
        {
            WriteChunk(png, "IDAT"u8, compressed.AsSpan(offset, Math.Min(MaxIdatChunk, compressed.Length - offset)));
        }
        WriteChunk(png, "IEND"u8, ReadOnlySpan<byte>.Empty);
        return png.ToArray();
    }

    private static byte[] Compress(int width, int height, ReadOnlySpan<byte> rgb)
    {
        var stride = width * 3;
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            Span<byte> filterNone = [0];
            for (int y = 0; y < height; y++)
            {
                zlib.Write(filterNone);
                zlib.Write(rgb.Slice(y * stride, stride));
            }
        }
        return output.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        var crc = Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.Start, type), data));
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        png.Write(word);
    }
}
