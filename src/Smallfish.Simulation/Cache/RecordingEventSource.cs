using System.Buffers;
using System.Globalization;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Recording;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// A Smallfish recording (a binary event cache file, or the same bytes in memory) as an <see cref="IOrderedEventSource"/>:
/// blocks are read one at a time into one reused buffer, checked against their CRC, and decoded one record ahead with
/// <see cref="MarketEventDecoder.Next"/>, so nothing is allocated per event. Events can be moved to other symbol ids on
/// the way out (<c>symbolMap[recordedId]</c>), which lets per-symbol caches be merged into one run's symbol table.
/// A corrupt or truncated recording raises <see cref="RecordingFormatException"/> with the file and byte offset.
/// </summary>
public sealed class RecordingEventSource : IOrderedEventSource
{
    private readonly Stream _stream;
    private readonly string _name;
    private readonly MarketEventDecoder _decoder;
    private readonly int[]? _symbolMap;
    private readonly bool _verify;
    private readonly long _dataStart;
    private byte[] _buffer;
    private int _payloadLength;
    private int _offset;
    private long _blockStart;
    private long _position;
    private MarketEventKind _pending = MarketEventKind.None;
    private bool _eof;

    private RecordingEventSource(Stream stream, string name, RecordingFileHeader header, long dataStart, int[]? symbolMap, bool verifyChecksums)
    {
        _stream = stream;
        _name = name;
        Header = header;
        _dataStart = dataStart;
        _position = dataStart;
        _symbolMap = symbolMap;
        _verify = verifyChecksums;
        _decoder = new MarketEventDecoder(header.SymbolCapacity);
        _buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        if (symbolMap is not null && symbolMap.Length < header.SymbolCapacity)
            throw new ArgumentException("the symbol map must cover every recorded symbol id", nameof(symbolMap));
    }

    /// <summary>The recording's header (venue, symbol table with instrument grids).</summary>
    public RecordingFileHeader Header { get; }

    /// <summary>Events delivered.</summary>
    public long Events { get; private set; }

    /// <summary>Events the recording says were lost (gap records).</summary>
    public long DroppedEvents { get; private set; }

    /// <summary>Opens the recording at <paramref name="path"/>.</summary>
    public static RecordingEventSource Open(string path, int[]? symbolMap = null, bool verifyChecksums = true)
    {
        string full = Path.GetFullPath(path);
        var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Create(stream, full, symbolMap, verifyChecksums);
    }

    /// <summary>Reads a recording held in memory (e.g. <see cref="InMemoryRecording.ToArray"/>).</summary>
    public static RecordingEventSource FromBytes(byte[] recording, int[]? symbolMap = null, bool verifyChecksums = true)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return Create(new MemoryStream(recording, writable: false), "(in-memory recording)", symbolMap, verifyChecksums);
    }

    /// <inheritdoc />
    public bool TryPeekTime(out long exchTsNs)
    {
        if (_pending == MarketEventKind.None) DecodeNext();
        exchTsNs = _pending switch
        {
            MarketEventKind.Book => _decoder.Book.ExchTsNs,
            MarketEventKind.Trade => _decoder.Trade.ExchTsNs,
            MarketEventKind.Bbo => _decoder.Bbo.ExchTsNs,
            MarketEventKind.Ticker => _decoder.Ticker.ExchTsNs,
            _ => 0,
        };
        return _pending != MarketEventKind.None;
    }

    /// <inheritdoc />
    public void DeliverNext(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_pending == MarketEventKind.None && !TryPeekTime(out _)) throw new InvalidOperationException("the recording is exhausted");
        var kind = _pending;
        _pending = MarketEventKind.None;
        Events++;
        var map = _symbolMap;
        switch (kind)
        {
            case MarketEventKind.Book:
                var book = _decoder.Book;
                if (map is not null) book.SymbolId = map[book.SymbolId];
                sink.OnBook(book);
                break;
            case MarketEventKind.Trade:
                if (map is null) sink.OnTrade(in _decoder.Trade);
                else
                {
                    var t = _decoder.Trade with { SymbolId = map[_decoder.Trade.SymbolId] };
                    sink.OnTrade(in t);
                }
                break;
            case MarketEventKind.Bbo:
                if (map is null) sink.OnBbo(in _decoder.Bbo);
                else
                {
                    var b = _decoder.Bbo with { SymbolId = map[_decoder.Bbo.SymbolId] };
                    sink.OnBbo(in b);
                }
                break;
            default:
                if (map is null) sink.OnTicker(in _decoder.Ticker);
                else
                {
                    var k = _decoder.Ticker with { SymbolId = map[_decoder.Ticker.SymbolId] };
                    sink.OnTicker(in k);
                }
                break;
        }
    }

    /// <summary>Starts over from the first event (the stream must be seekable, as files and in-memory recordings are).</summary>
    public void Rewind() => Rewind(0);

    /// <summary>Starts over from the first event with every timestamp moved <paramref name="timeShiftNs"/> later (see <see cref="MarketEventDecoder.TimeShiftNs"/>).</summary>
    public void Rewind(long timeShiftNs)
    {
        _decoder.TimeShiftNs = timeShiftNs;
        _stream.Position = _dataStart;
        _position = _dataStart;
        _payloadLength = 0;
        _offset = 0;
        _pending = MarketEventKind.None;
        _eof = false;
    }

    /// <summary>Delivers every remaining event to <paramref name="sink"/>; returns how many.</summary>
    public long DrainTo(IMarketEventSink sink)
    {
        long before = Events;
        while (TryPeekTime(out _)) DeliverNext(sink);
        return Events - before;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    private static RecordingEventSource Create(Stream stream, string name, int[]? symbolMap, bool verifyChecksums)
    {
        try
        {
            var fixedPart = new byte[RecordingFormat.FileHeaderFixedSize];
            int got = stream.ReadAtLeast(fixedPart, fixedPart.Length, throwOnEndOfStream: false);
            if (got < fixedPart.Length) throw new RecordingFormatException("file ends inside the header", got, name);
            var (bodyLength, crc) = Locate(() => RecordingFileHeader.ReadFixedPart(fixedPart), name);
            var body = new byte[bodyLength];
            got = stream.ReadAtLeast(body, bodyLength, throwOnEndOfStream: false);
            if (got < bodyLength) throw new RecordingFormatException("file ends inside the header", RecordingFormat.FileHeaderFixedSize + got, name);
            var header = Locate(() => RecordingFileHeader.DecodeBody(body, crc), name);
            return new RecordingEventSource(stream, name, header, RecordingFormat.FileHeaderFixedSize + bodyLength, symbolMap, verifyChecksums);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static T Locate<T>(Func<T> read, string name)
    {
        try
        {
            return read();
        }
        catch (RecordingFormatException ex) when (ex.FilePath is null)
        {
            throw new RecordingFormatException(ex.Reason, ex.Offset, name, ex);
        }
    }

    private void DecodeNext()
    {
        while (true)
        {
            if (_offset >= _payloadLength)
            {
                if (_eof || !ReadBlock()) return;
                continue;
            }
            MarketEventKind kind;
            try
            {
                kind = _decoder.Next(_buffer.AsSpan(0, _payloadLength), ref _offset);
            }
            catch (RecordingFormatException ex) when (ex.FilePath is null)
            {
                throw new RecordingFormatException(ex.Reason, _blockStart + RecordingFormat.BlockHeaderSize + ex.Offset, _name, ex);
            }
            switch (kind)
            {
                case MarketEventKind.Book:
                case MarketEventKind.Trade:
                case MarketEventKind.Bbo:
                case MarketEventKind.Ticker:
                    _pending = kind;
                    return;
                case MarketEventKind.Gap:
                    DroppedEvents += _decoder.GapEvents;
                    break;
            }
        }
    }

    // Reads the next block into the buffer and resets the decoder; false at a clean end of the recording.
    private bool ReadBlock()
    {
        Span<byte> head = stackalloc byte[RecordingFormat.BlockHeaderSize];
        int got = _stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (got == 0)
        {
            _eof = true;
            return false;
        }
        if (got < head.Length)
        {
            throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture, $"file ends inside a block header ({got} of {head.Length} bytes)"), _position, _name);
        }
        RecordingBlockHeader header;
        try
        {
            header = RecordingBlockHeader.Read(head, _position);
        }
        catch (RecordingFormatException ex) when (ex.FilePath is null)
        {
            throw new RecordingFormatException(ex.Reason, ex.Offset, _name, ex);
        }
        if (_buffer.Length < header.PayloadLength)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(header.PayloadLength);
        }
        long payloadStart = _position + RecordingFormat.BlockHeaderSize;
        got = _stream.ReadAtLeast(_buffer.AsSpan(0, header.PayloadLength), header.PayloadLength, throwOnEndOfStream: false);
        if (got < header.PayloadLength)
        {
            throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture,
                $"truncated block: the header declares {header.PayloadLength} payload bytes, the file ends after {got}"), payloadStart + got, _name);
        }
        if (_verify && Crc32C.Compute(_buffer.AsSpan(0, header.PayloadLength)) != header.PayloadCrc)
        {
            throw new RecordingFormatException("block checksum mismatch (corrupt data)", _position, _name);
        }
        _blockStart = _position;
        _position = payloadStart + header.PayloadLength;
        _payloadLength = header.PayloadLength;
        _offset = 0;
        _decoder.Reset();
        return true;
    }
}
