using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// Records the normalized market feed to Smallfish recording files (docs/recording-format.md). As a sink it only encodes
/// the event into the current block, a pooled buffer, and returns (no I/O, no allocation per event); full blocks, and
/// the current block every <see cref="MarketRecorderOptions.FlushInterval"/>, go to a background writer that appends
/// them to the current file and rolls to a new file per UTC day and at <see cref="MarketRecorderOptions.MaxFileBytes"/>.
/// If the writer falls more than <see cref="MarketRecorderOptions.MaxPendingBytes"/> behind, whole blocks are dropped,
/// counted and marked in the file by a gap record: the trading engine is never slowed by the recorder.
/// Safe to call from several threads (one lock per event).
/// </summary>
public sealed class MarketRecorder : IMarketEventSink, IAsyncDisposable
{
    private readonly MarketRecorderOptions _options;
    private readonly ILogger _logger;
    private readonly bool[] _known;
    private readonly object _gate = new();
    private readonly RecordingBlockBuilder _builder;
    private readonly Channel<RecorderItem> _queue = Channel.CreateUnbounded<RecorderItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ITimer _timer;
    private readonly Task _writerTask;
    private readonly RecordingFileWriter _files;
    private long _carriedGap;
    private bool _closed;
    private bool _unknownLogged;
    private long _events, _eventsWritten, _dropped, _lost, _unknown, _pendingBytes;

    /// <summary>Starts a recorder; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public MarketRecorder(MarketRecorderOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        var template = new RecordingFileHeader(options.Venue, 0, options.Instruments);
        _known = new bool[template.SymbolCapacity];
        foreach (var i in options.Instruments) _known[i.SymbolId] = true;
        _builder = new RecordingBlockBuilder(template.SymbolCapacity, options.BlockBytes * 2);
        _files = new RecordingFileWriter(options, _logger);
        _writerTask = Task.Run(RunWriterAsync);
        _timer = options.TimeProvider.CreateTimer(_ => SealCurrent(), null, options.FlushInterval, options.FlushInterval);
    }

    /// <summary>Counters.</summary>
    public MarketRecorderStats Stats => new(
        Interlocked.Read(ref _events), Interlocked.Read(ref _eventsWritten), _files.BlocksWritten, _files.BytesWritten, _files.FilesOpened,
        Interlocked.Read(ref _dropped), Interlocked.Read(ref _lost), Interlocked.Read(ref _unknown), Interlocked.Read(ref _pendingBytes), _files.CurrentPath);

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        lock (_gate)
        {
            if (!Accept(update.SymbolId)) return;
            _builder.Add(update);
            Added();
        }
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        lock (_gate)
        {
            if (!Accept(trade.SymbolId)) return;
            _builder.Add(trade);
            Added();
        }
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        lock (_gate)
        {
            if (!Accept(bbo.SymbolId)) return;
            _builder.Add(bbo);
            Added();
        }
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        lock (_gate)
        {
            if (!Accept(ticker.SymbolId)) return;
            _builder.Add(ticker);
            Added();
        }
    }

    /// <summary>Seals the current block and completes when everything recorded so far is written and synced to disk.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            SealLocked();
            _queue.Writer.TryWrite(new RecorderItem(default, done));
        }
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes the last block, syncs and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_closed) return;
            _closed = true;
            SealLocked();
            _queue.Writer.TryComplete();
        }
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _writerTask.ConfigureAwait(false);
        _builder.Dispose();
    }

    private bool Accept(int symbolId)
    {
        if (_closed)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }
        if ((uint)symbolId < (uint)_known.Length && _known[symbolId]) return true;
        Interlocked.Increment(ref _unknown);
        if (!_unknownLogged)
        {
            _unknownLogged = true;
            RecorderLog.UnknownSymbol(_logger, symbolId, null);
        }
        return false;
    }

    private void Added()
    {
        Interlocked.Increment(ref _events);
        if (_builder.PayloadLength >= _options.BlockBytes) SealLocked();
    }

    private void SealCurrent()
    {
        lock (_gate) SealLocked();
    }

    private void SealLocked()
    {
        if (_builder.RecordCount == 0) return;
        var block = _builder.Seal();
        long pending = Interlocked.Read(ref _pendingBytes);
        if (pending + block.Length > _options.MaxPendingBytes)
        {
            // The block's own events plus any gap it carried are lost; the next block starts by saying so.
            long lost = block.EventCount + _carriedGap;
            Interlocked.Add(ref _dropped, block.EventCount);
            RecorderLog.BlockDropped(_logger, pending, block.EventCount, null);
            block.Return();
            _builder.AddGap(lost);
            _carriedGap = lost;
            return;
        }
        _carriedGap = 0;
        Interlocked.Add(ref _pendingBytes, block.Length);
        _queue.Writer.TryWrite(new RecorderItem(block, null));
    }

    private async Task RunWriterAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (item.Flush is { } flush)
                {
                    try
                    {
                        _files.Sync();
                        flush.TrySetResult();
                    }
                    catch (Exception ex)
                    {
                        flush.TrySetException(ex);
                    }
                    continue;
                }
                Write(item.Block);
            }
            Guard(_files.FlushToOs);
        }
        Guard(_files.Close);
    }

    private void Guard(Action fileAction)
    {
        try
        {
            fileAction();
        }
        catch (Exception ex)
        {
            RecorderLog.WriteFailed(_logger, 0, ex);
            _files.Abandon();
        }
    }

    private void Write(RecordingBlock block)
    {
        try
        {
            _files.Write(block);
            Interlocked.Add(ref _eventsWritten, block.EventCount);
        }
        catch (Exception ex)
        {
            Interlocked.Add(ref _lost, block.EventCount);
            RecorderLog.WriteFailed(_logger, block.EventCount, ex);
            _files.Abandon();
        }
        finally
        {
            Interlocked.Add(ref _pendingBytes, -block.Length);
            block.Return();
        }
    }

    private readonly record struct RecorderItem(RecordingBlock Block, TaskCompletionSource? Flush);
}
