using System.Buffers;
using System.Globalization;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// Replays a Smallfish recording file into an <see cref="IMarketEventSink"/>, streaming block by block through one
/// reused buffer and one decoder (no allocation per event). A truncated or corrupt file stops the replay with a
/// <see cref="RecordingFormatException"/> naming the file and the byte offset; events before the bad block have been
/// delivered.
/// </summary>
public sealed class RecordingReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly MarketEventDecoder _decoder;
    private readonly long _dataStart;
    private byte[] _buffer;

    private RecordingReader(string path, FileStream stream, RecordingFileHeader header, long dataStart)
    {
        FilePath = path;
        _stream = stream;
        Header = header;
        _dataStart = dataStart;
        _decoder = new MarketEventDecoder(header.SymbolCapacity);
        _buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>The file's header: venue, creation time, symbol table.</summary>
    public RecordingFileHeader Header { get; }

    /// <summary>Opens a recording and reads its header.</summary>
    public static RecordingReader Open(string path)
    {
        var full = Path.GetFullPath(path);
        var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        try
        {
            Span<byte> fixedPart = stackalloc byte[RecordingFormat.FileHeaderFixedSize];
            int got = stream.ReadAtLeast(fixedPart, fixedPart.Length, throwOnEndOfStream: false);
            if (got < fixedPart.Length) throw new RecordingFormatException("file ends inside the header", got, full);
            int bodyLength;
            uint crc;
            try
            {
                (bodyLength, crc) = RecordingFileHeader.ReadFixedPart(fixedPart);
            }
            catch (RecordingFormatException ex)
            {
                throw new RecordingFormatException(ex.Reason, ex.Offset, full);
            }
            var body = new byte[bodyLength];
            got = stream.ReadAtLeast(body, bodyLength, throwOnEndOfStream: false);
            if (got < bodyLength) throw new RecordingFormatException("file ends inside the header", RecordingFormat.FileHeaderFixedSize + got, full);
            RecordingFileHeader header;
            try
            {
                header = RecordingFileHeader.DecodeBody(body, crc);
            }
            catch (RecordingFormatException ex)
            {
                throw new RecordingFormatException(ex.Reason, ex.Offset, full);
            }
            return new RecordingReader(full, stream, header, RecordingFormat.FileHeaderFixedSize + bodyLength);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Replays every file in <paramref name="paths"/>, in order, into <paramref name="sink"/>.</summary>
    public static RecordingReplayResult ReplayFiles(IEnumerable<string> paths, IMarketEventSink sink, bool verifyChecksums = true)
    {
        var total = default(RecordingReplayResult);
        foreach (var path in paths)
        {
            using var reader = Open(path);
            total += reader.ReplayTo(sink, verifyChecksums);
        }
        return total;
    }

    /// <summary>
    /// Delivers every event of the file, in recorded order, to <paramref name="sink"/>. Block checksums are verified
    /// unless <paramref name="verifyChecksums"/> is false.
    /// </summary>
    public RecordingReplayResult ReplayTo(IMarketEventSink sink, bool verifyChecksums = true)
    {
        ArgumentNullException.ThrowIfNull(sink);
        long offset = _dataStart;
        _stream.Position = offset;
        long events = 0, blocks = 0, dropped = 0;
        Span<byte> head = stackalloc byte[RecordingFormat.BlockHeaderSize];
        while (true)
        {
            int got = _stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (got == 0) break;
            if (got < head.Length)
            {
                throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture, $"file ends inside a block header ({got} of {head.Length} bytes)"), offset, FilePath);
            }
            RecordingBlockHeader header;
            try
            {
                header = RecordingBlockHeader.Read(head, offset);
            }
            catch (RecordingFormatException ex)
            {
                throw new RecordingFormatException(ex.Reason, ex.Offset, FilePath);
            }
            long payloadStart = offset + RecordingFormat.BlockHeaderSize;
            if (_buffer.Length < header.PayloadLength)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(header.PayloadLength);
            }
            var payload = _buffer.AsSpan(0, header.PayloadLength);
            got = _stream.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false);
            if (got < payload.Length)
            {
                throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"truncated block: header at offset {offset} declares {header.PayloadLength} payload bytes, the file ends after {got}"), payloadStart + got, FilePath);
            }
            if (verifyChecksums && Crc32C.Compute(payload) != header.PayloadCrc)
            {
                throw new RecordingFormatException("block checksum mismatch (corrupt data)", offset, FilePath);
            }
            try
            {
                events += _decoder.DecodeBlock(payload, sink, out long gap);
                dropped += gap;
            }
            catch (RecordingFormatException ex) when (ex.FilePath is null)
            {
                throw new RecordingFormatException(ex.Reason, payloadStart + ex.Offset, FilePath, ex);
            }
            if (_decoder.LastBlockRecords != header.RecordCount)
            {
                throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"block declares {header.RecordCount} records but holds {_decoder.LastBlockRecords}"), offset + 8, FilePath);
            }
            blocks++;
            offset = payloadStart + header.PayloadLength;
        }
        return new RecordingReplayResult(events, blocks, dropped, offset);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}
