using System.Buffers.Binary;
using System.IO.Compression;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// Opens a data file for reading its text content, whatever its wrapping: gzip (by magic bytes), zip (its single
/// member, or the member named like the zip without ".zip"), or plain. Compressed content is checked as it is read
/// (CRC-32 and length against the gzip trailer or the zip directory), so a truncated or corrupt file raises an
/// <see cref="ArchiveDataException"/> naming it instead of ending quietly early.
/// </summary>
public static class ArchiveFile
{
    /// <summary>Opens <paramref name="path"/>; the caller disposes the stream.</summary>
    public static Stream OpenContent(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArchiveDataException(path, 0, "file not found", e);
        }
        try
        {
            Span<byte> magic = stackalloc byte[4];
            int got = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
            file.Seek(0, SeekOrigin.Begin);
            if (got >= 2 && magic[0] == 0x1F && magic[1] == 0x8B) return OpenGzip(file, path);
            if (got == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4) return OpenZip(file, path);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads the whole content of <paramref name="path"/> once and discards it: a full integrity check.</summary>
    public static long Verify(string path)
    {
        using var stream = OpenContent(path);
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = stream.Read(buffer)) > 0) total += n;
        return total;
    }

    private static CheckedReadStream OpenGzip(FileStream file, string path)
    {
        if (file.Length < 18) throw new ArchiveDataException(path, 0, "gzip file is too short to hold a header and trailer (truncated)");
        Span<byte> trailer = stackalloc byte[8];
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        return new CheckedReadStream(new GZipStream(file, CompressionMode.Decompress), null, path, "gzip", crc, size, lengthModulo32: true);
    }

    private static CheckedReadStream OpenZip(FileStream file, string path)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            throw new ArchiveDataException(path, 0, "corrupt or truncated zip (its central directory cannot be read)", e);
        }
        try
        {
            var entries = zip.Entries.Where(e => e.Length > 0 || !e.FullName.EndsWith('/')).ToList();
            string expected = Path.GetFileName(path);
            if (expected.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) expected = expected[..^4];
            var entry = entries.Count == 1 ? entries[0] : entries.FirstOrDefault(e => string.Equals(e.Name, expected, StringComparison.OrdinalIgnoreCase));
            if (entry is null)
                throw new ArchiveDataException(path, 0, $"zip holds {entries.Count} members and none is named {expected}");
            Stream content;
            try
            {
                content = entry.Open();
            }
            catch (InvalidDataException e)
            {
                throw new ArchiveDataException(path, 0, $"corrupt zip member {entry.FullName}: {e.Message}", e);
            }
            return new CheckedReadStream(content, zip, path, "zip member " + entry.FullName, entry.Crc32, entry.Length, lengthModulo32: false);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }
}
