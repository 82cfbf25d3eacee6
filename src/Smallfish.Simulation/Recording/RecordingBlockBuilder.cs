using System.Buffers;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// Accumulates encoded records into a pooled buffer and seals them into a <see cref="RecordingBlock"/> with its header
/// and CRC. The encoder's delta state restarts with every block, so blocks decode independently. Pure (no I/O); used by
/// the recorder and usable by the backtest's binary event cache. Not thread-safe.
/// </summary>
public sealed class RecordingBlockBuilder : IDisposable
{
    private readonly MarketEventEncoder _encoder;
    private readonly int _initialCapacity;
    private byte[] _buffer;
    private int _length = RecordingFormat.BlockHeaderSize;

    /// <summary>Creates a builder for symbol ids in [0, <paramref name="symbolCapacity"/>).</summary>
    public RecordingBlockBuilder(int symbolCapacity, int initialCapacity = 64 * 1024)
    {
        _encoder = new MarketEventEncoder(symbolCapacity);
        _initialCapacity = Math.Max(initialCapacity, 1024);
        _buffer = ArrayPool<byte>.Shared.Rent(_initialCapacity);
    }

    /// <summary>Records added since the last seal.</summary>
    public int RecordCount { get; private set; }

    /// <summary>Market events added since the last seal.</summary>
    public int EventCount { get; private set; }

    /// <summary>Payload bytes added since the last seal.</summary>
    public int PayloadLength => _length - RecordingFormat.BlockHeaderSize;

    /// <summary>Appends a book record.</summary>
    public void Add(BookUpdate update)
    {
        Ensure(MarketEventEncoder.MaxBookRecordSize(update));
        _length += _encoder.WriteBook(update, _buffer.AsSpan(_length));
        Added(1);
    }

    /// <summary>Appends a trade record.</summary>
    public void Add(in TradeEvent trade)
    {
        Ensure(MarketEventEncoder.MaxTradeRecordSize);
        _length += _encoder.WriteTrade(trade, _buffer.AsSpan(_length));
        Added(1);
    }

    /// <summary>Appends a BBO record.</summary>
    public void Add(in BboEvent bbo)
    {
        Ensure(MarketEventEncoder.MaxBboRecordSize);
        _length += _encoder.WriteBbo(bbo, _buffer.AsSpan(_length));
        Added(1);
    }

    /// <summary>Appends a ticker record.</summary>
    public void Add(in TickerEvent ticker)
    {
        Ensure(MarketEventEncoder.MaxTickerRecordSize);
        _length += _encoder.WriteTicker(ticker, _buffer.AsSpan(_length));
        Added(1);
    }

    /// <summary>Appends a gap record: <paramref name="droppedEvents"/> events were lost before this point.</summary>
    public void AddGap(long droppedEvents)
    {
        Ensure(MarketEventEncoder.MaxGapRecordSize);
        _length += MarketEventEncoder.WriteGap(droppedEvents, _buffer.AsSpan(_length));
        Added(0);
    }

    /// <summary>
    /// Seals the records added so far into a block (header with length, count and CRC written), hands over the pooled
    /// buffer and starts a new block with fresh delta state.
    /// </summary>
    public RecordingBlock Seal()
    {
        var payload = _buffer.AsSpan(RecordingFormat.BlockHeaderSize, PayloadLength);
        new RecordingBlockHeader(PayloadLength, RecordCount, Crc32C.Compute(payload)).WriteTo(_buffer);
        var block = new RecordingBlock(_buffer, _length, RecordCount, EventCount);
        _buffer = ArrayPool<byte>.Shared.Rent(_initialCapacity);
        _length = RecordingFormat.BlockHeaderSize;
        RecordCount = 0;
        EventCount = 0;
        _encoder.Reset();
        return block;
    }

    /// <summary>Drops the records added since the last seal and starts over (the pooled buffer is kept).</summary>
    public void Clear()
    {
        _length = RecordingFormat.BlockHeaderSize;
        RecordCount = 0;
        EventCount = 0;
        _encoder.Reset();
    }

    /// <summary>Returns the pooled buffer; the builder must not be used afterwards.</summary>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Added(int events)
    {
        RecordCount++;
        EventCount += events;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes <= _buffer.Length) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
