using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// A sink that builds a complete recording (header and blocks, the same bytes a file would hold) in memory: for the
/// backtest's event cache, for benchmarks and for tests. Single-threaded.
/// </summary>
public sealed class InMemoryRecording : IMarketEventSink, IDisposable
{
    private readonly RecordingBlockBuilder _builder;
    private readonly MemoryStream _bytes = new();
    private readonly int _blockBytes;

    /// <summary>Starts a recording with <paramref name="header"/>; blocks are sealed at <paramref name="blockBytes"/> payload bytes.</summary>
    public InMemoryRecording(RecordingFileHeader header, int blockBytes = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(header);
        _blockBytes = blockBytes;
        _builder = new RecordingBlockBuilder(header.SymbolCapacity, blockBytes * 2);
        _bytes.Write(header.Encode());
    }

    /// <summary>Events added.</summary>
    public long Events { get; private set; }

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        _builder.Add(update);
        Added();
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        _builder.Add(trade);
        Added();
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        _builder.Add(bbo);
        Added();
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        _builder.Add(ticker);
        Added();
    }

    /// <summary>Seals the current block and returns the whole recording.</summary>
    public byte[] ToArray()
    {
        SealBlock();
        return _bytes.ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => _builder.Dispose();

    private void Added()
    {
        Events++;
        if (_builder.PayloadLength >= _blockBytes) SealBlock();
    }

    private void SealBlock()
    {
        if (_builder.RecordCount == 0) return;
        var block = _builder.Seal();
        _bytes.Write(block.Bytes);
        block.Return();
    }
}
