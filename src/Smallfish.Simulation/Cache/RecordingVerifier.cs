using System.Buffers;
using System.Globalization;
using Smallfish.Simulation.Recording;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// Checks a recording's framing without decoding it: the header (magic, version, CRC), then every block header and
/// payload CRC-32C, up to an exact end of file. Fast (the CRC runs on the CPU's CRC instructions) and enough to catch
/// a flipped bit or a short file before a replay starts.
/// </summary>
public static class RecordingVerifier
{
    /// <summary>Verifies the file at <paramref name="path"/>; returns its block count. Throws <see cref="RecordingFormatException"/>.</summary>
    public static long VerifyBlocks(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var fixedPart = new byte[RecordingFormat.FileHeaderFixedSize];
        if (stream.ReadAtLeast(fixedPart, fixedPart.Length, throwOnEndOfStream: false) < fixedPart.Length)
            throw new RecordingFormatException("file ends inside the header", 0, path);
        int bodyLength;
        uint crc;
        try
        {
            (bodyLength, crc) = RecordingFileHeader.ReadFixedPart(fixedPart);
            var body = new byte[bodyLength];
            if (stream.ReadAtLeast(body, bodyLength, throwOnEndOfStream: false) < bodyLength)
                throw new RecordingFormatException("file ends inside the header", RecordingFormat.FileHeaderFixedSize, path);
            RecordingFileHeader.DecodeBody(body, crc);
        }
        catch (RecordingFormatException e) when (e.FilePath is null)
        {
            throw new RecordingFormatException(e.Reason, e.Offset, path, e);
        }

        long offset = RecordingFormat.FileHeaderFixedSize + bodyLength;
        long blocks = 0;
        var head = new byte[RecordingFormat.BlockHeaderSize];
        byte[] buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            while (true)
            {
                int got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                if (got == 0) return blocks;
                if (got < head.Length) throw new RecordingFormatException("file ends inside a block header", offset, path);
                RecordingBlockHeader header;
                try
                {
                    header = RecordingBlockHeader.Read(head, offset);
                }
                catch (RecordingFormatException e) when (e.FilePath is null)
                {
                    throw new RecordingFormatException(e.Reason, e.Offset, path, e);
                }
                if (buffer.Length < header.PayloadLength)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(header.PayloadLength);
                }
                got = stream.ReadAtLeast(buffer.AsSpan(0, header.PayloadLength), header.PayloadLength, throwOnEndOfStream: false);
                if (got < header.PayloadLength)
                {
                    throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"truncated block: {header.PayloadLength} payload bytes declared, {got} present"), offset, path);
                }
                if (Crc32C.Compute(buffer.AsSpan(0, header.PayloadLength)) != header.PayloadCrc)
                    throw new RecordingFormatException("block checksum mismatch (corrupt data)", offset, path);
                offset += RecordingFormat.BlockHeaderSize + header.PayloadLength;
                blocks++;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
