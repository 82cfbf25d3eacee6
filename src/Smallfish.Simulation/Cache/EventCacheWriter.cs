using Smallfish.Core.MarketData;
using Smallfish.Simulation.Recording;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// Writes the events pushed into it to a stream in the Smallfish recording format (docs/recording-format.md): the
/// header, then blocks sealed every <see cref="BlockBytes"/> payload bytes. It counts what it wrote, for the cache
/// manifest. Call <see cref="Complete"/> after the last event. Single-threaded.
/// </summary>
public sealed class EventCacheWriter : IMarketEventSink, IDisposable
{
    /// <summary>Default block payload size: 64 KiB.</summary>
    public const int DefaultBlockBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly RecordingBlockBuilder _builder;

    /// <summary>Writes <paramref name="header"/> to <paramref name="stream"/> and gets ready for events.</summary>
    public EventCacheWriter(Stream stream, RecordingFileHeader header, int blockBytes = DefaultBlockBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockBytes, 1024);
        _stream = stream;
        BlockBytes = blockBytes;
        _builder = new RecordingBlockBuilder(header.SymbolCapacity, blockBytes * 2);
        var bytes = header.Encode();
        _stream.Write(bytes);
        Bytes = bytes.Length;
    }

    /// <summary>Payload size at which a block is sealed.</summary>
    public int BlockBytes { get; }

    /// <summary>Counts of the events written so far.</summary>
    public EventCounts Counts { get; private set; }

    /// <summary>Blocks written.</summary>
    public long Blocks { get; private set; }

    /// <summary>Bytes written, header included.</summary>
    public long Bytes { get; private set; }

    /// <summary>Exchange time of the first event (0 before any).</summary>
    public long FirstTsNs { get; private set; }

    /// <summary>Exchange time of the latest event (0 before any).</summary>
    public long LastTsNs { get; private set; }

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        _builder.Add(update);
        Added(update.ExchTsNs);
        Counts = Counts with { Books = Counts.Books + 1 };
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        _builder.Add(trade);
        Added(trade.ExchTsNs);
        Counts = Counts with { Trades = Counts.Trades + 1 };
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        _builder.Add(bbo);
        Added(bbo.ExchTsNs);
        Counts = Counts with { Bbos = Counts.Bbos + 1 };
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        _builder.Add(ticker);
        Added(ticker.ExchTsNs);
        Counts = Counts with { Tickers = Counts.Tickers + 1 };
    }

    /// <summary>Seals the last block and flushes the stream.</summary>
    public void Complete()
    {
        Seal();
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _builder.Dispose();

    private void Added(long exchTsNs)
    {
        if (Counts.Total == 0) FirstTsNs = exchTsNs;
        if (exchTsNs > LastTsNs) LastTsNs = exchTsNs;
        if (_builder.PayloadLength >= BlockBytes) Seal();
    }

    private void Seal()
    {
        if (_builder.RecordCount == 0) return;
        var block = _builder.Seal();
        _stream.Write(block.Bytes);
        Bytes += block.Length;
        Blocks++;
        block.Return();
    }
}
