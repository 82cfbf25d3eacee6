using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Logging;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Streams;

/// <summary>
/// What both venues' stream clients share: the two bounded queues (public: drop and resync; private: never drop),
/// one consumer task per queue that raises events in arrival order, a maintenance task for slow follow-up work
/// (resubscribes, REST snapshots, connection cycling, listen-key renewal), and the connection list.
/// Event handlers that throw are logged and counted; they never stop a consumer.
/// </summary>
public abstract class ExchangeStreamClientBase : IExchangeStreamClient
{
    private readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<ManagedWebSocket> _connections = new();
    private readonly object _gate = new();
    private Task? _publicConsumer;
    private Task? _privateConsumer;
    private Task? _maintenance;
    private int _nextConnectionId;
    private long _badFrames;
    private int _stopped;

    private protected ExchangeStreamClientBase(ExchangeKind exchange, StreamClientOptions? options, TimeProvider? clock, ILogger? logger, Func<double>? random)
    {
        Exchange = exchange;
        Options = options ?? new StreamClientOptions();
        Clock = clock ?? TimeProvider.System;
        Log = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        Random = random ?? System.Random.Shared.NextDouble;
        Name = exchange == ExchangeKind.Bybit ? "bybit" : "binance";
        PublicQueue = new FrameQueue(Options.PublicQueueCapacity, dropWhenFull: true, Statistics);
        PrivateQueue = new FrameQueue(Options.PrivateQueueCapacity, dropWhenFull: false, Statistics);
        PublicQueue.OverflowStarted += () => StreamLog.Overflow(Log, Name);
    }

    /// <inheritdoc />
    public ExchangeKind Exchange { get; }

    /// <inheritdoc />
    public StreamStatistics Statistics { get; } = new();

    /// <inheritdoc />
    public event Action<OrderUpdate>? OrderUpdated;

    /// <inheritdoc />
    public event Action<Fill>? FillReceived;

    /// <inheritdoc />
    public event Action<ExchangePosition>? PositionUpdated;

    /// <inheritdoc />
    public event Action<ExchangeWallet>? WalletUpdated;

    /// <inheritdoc />
    public event Action<StreamResyncSignal>? ResyncRequired;

    /// <inheritdoc />
    public event Action<StreamConnectionEvent>? ConnectionChanged;

    private protected StreamClientOptions Options { get; }

    private protected TimeProvider Clock { get; }

    private protected ILogger Log { get; }

    private protected Func<double> Random { get; }

    private protected string Name { get; }

    private protected FrameQueue PublicQueue { get; }

    private protected FrameQueue PrivateQueue { get; }

    private protected IMarketFrameParser? Parser { get; private set; }

    private protected IMarketEventSink? Sink { get; private set; }

    private protected CancellationToken Stopping => _stopping.Token;

    /// <inheritdoc />
    public Task StartPublicAsync(IReadOnlyList<MarketSubscription> subscriptions, IMarketFrameParser parser, IMarketEventSink sink, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        Parser = parser ?? throw new ArgumentNullException(nameof(parser));
        Sink = sink ?? throw new ArgumentNullException(nameof(sink));
        EnsureRunning();
        lock (_gate) _publicConsumer ??= ConsumeAsync(PublicQueue, isPrivate: false);
        return StartPublicCoreAsync(subscriptions, ct);
    }

    /// <inheritdoc />
    public Task StartPrivateAsync(CancellationToken ct = default)
    {
        EnsureRunning();
        lock (_gate) _privateConsumer ??= ConsumeAsync(PrivateQueue, isPrivate: true);
        return StartPrivateCoreAsync(ct);
    }

    /// <inheritdoc />
    public abstract Task RequestBookResyncAsync(string symbol, CancellationToken ct = default);

    /// <inheritdoc />
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        OnStopping();
        await _stopping.CancelAsync().ConfigureAwait(false);
        ManagedWebSocket[] connections;
        lock (_gate) connections = _connections.ToArray();
        foreach (var c in connections) await c.DisposeAsync().ConfigureAwait(false);
        PublicQueue.Complete();
        PrivateQueue.Complete();
        _work.Writer.TryComplete();
        if (_publicConsumer is not null) await _publicConsumer.ConfigureAwait(false);
        if (_privateConsumer is not null) await _privateConsumer.ConfigureAwait(false);
        if (_maintenance is not null) await _maintenance.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected abstract Task StartPublicCoreAsync(IReadOnlyList<MarketSubscription> subscriptions, CancellationToken ct);

    private protected abstract Task StartPrivateCoreAsync(CancellationToken ct);

    /// <summary>A public frame (already timestamped), on the public consumer task.</summary>
    private protected abstract void OnPublicFrame(in FrameItem item);

    /// <summary>A private frame, on the private consumer task.</summary>
    private protected abstract void OnPrivateFrame(in FrameItem item);

    /// <summary>Public frames were dropped before this point: every book must resync.</summary>
    private protected abstract void OnPublicOverflow();

    /// <summary>A connection came back after a loss (in order with its frames).</summary>
    private protected abstract void OnReconnected(int connectionId, bool isPrivate);

    /// <summary>Called once when stopping starts, before connections close (dispose timers here).</summary>
    private protected virtual void OnStopping()
    {
    }

    /// <summary>A dedupe marker reached the consumer.</summary>
    private protected virtual void OnDedupeMarker(FrameItemKind kind, int connectionId)
    {
    }

    /// <summary>Creates and starts a connection.</summary>
    private protected ManagedWebSocket AddConnection(IConnectionHandler handler, ConnectionSettings settings)
    {
        ManagedWebSocket connection;
        lock (_gate)
        {
            int id = _nextConnectionId++;
            connection = new ManagedWebSocket(id, handler, settings.IsPrivate ? PrivateQueue : PublicQueue, settings, Options, Clock, Statistics, Log, Name, Random);
            _connections.Add(connection);
        }
        connection.Start(Stopping);
        return connection;
    }

    /// <summary>Closes and forgets a connection.</summary>
    private protected async Task RemoveConnectionAsync(ManagedWebSocket connection)
    {
        lock (_gate) _connections.Remove(connection);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Queues follow-up work for the maintenance task (run one at a time, failures logged).</summary>
    private protected void Schedule(Func<CancellationToken, Task> work) => _work.Writer.TryWrite(work);

    private protected void RaiseOrder(OrderUpdate update) => Raise(OrderUpdated, update);

    private protected void RaiseFill(Fill fill) => Raise(FillReceived, fill);

    private protected void RaisePosition(ExchangePosition position) => Raise(PositionUpdated, position);

    private protected void RaiseWallet(ExchangeWallet wallet) => Raise(WalletUpdated, wallet);

    private protected void RaiseResync(StreamResyncSignal signal) => Raise(ResyncRequired, signal);

    /// <summary>Counts and logs a malformed or unknown frame (rate-limited logging: first ten, then every thousandth).</summary>
    private protected void ReportBadFrame(bool malformed, string detail)
    {
        if (malformed) Statistics.OnMalformed(); else Statistics.OnUnknown();
        long n = Interlocked.Increment(ref _badFrames);
        if (n <= 10 || n % 1000 == 0) StreamLog.BadFrame(Log, Name, malformed ? "malformed" : "unknown", n, detail);
    }

    private void Raise<T>(Action<T>? handler, T value)
    {
        if (handler is null) return;
        try
        {
            handler(value);
        }
        catch (Exception ex)
        {
            Statistics.OnHandlerError();
            StreamLog.HandlerFailed(Log, Name, typeof(T).Name, ex);
        }
    }

    private void EnsureRunning()
    {
        if (Volatile.Read(ref _stopped) != 0) throw new ObjectDisposedException(GetType().Name);
        lock (_gate) _maintenance ??= MaintainAsync();
    }

    private async Task ConsumeAsync(FrameQueue queue, bool isPrivate)
    {
        await Task.Yield();
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                try
                {
                    Handle(item, isPrivate);
                }
                catch (Exception ex)
                {
                    Statistics.OnHandlerError(); // the boundary: nothing a frame does may stop the consumer
                    StreamLog.HandlerFailed(Log, Name, isPrivate ? "private" : "public", ex);
                }
                finally
                {
                    if (item.Buffer is not null) ArrayPool<byte>.Shared.Return(item.Buffer);
                    if (item.Kind == FrameItemKind.Frame) Statistics.OnFrameHandled();
                }
            }
        }
    }

    private void Handle(in FrameItem item, bool isPrivate)
    {
        if (item.GapBefore) OnPublicOverflow();
        switch (item.Kind)
        {
            case FrameItemKind.Frame:
                if (isPrivate) OnPrivateFrame(item); else OnPublicFrame(item);
                break;
            case FrameItemKind.Reconnected:
                OnReconnected(item.ConnectionId, isPrivate);
                break;
            case FrameItemKind.Connection:
                if (item.Payload is StreamConnectionEvent e) Raise(ConnectionChanged, e);
                break;
            case FrameItemKind.Snapshot:
                if (item.Payload is BookUpdate snapshot && Sink is not null) Sink.OnBook(snapshot);
                break;
            case FrameItemKind.DedupeOn:
            case FrameItemKind.DedupeOff:
                OnDedupeMarker(item.Kind, item.ConnectionId);
                break;
        }
    }

    private async Task MaintainAsync()
    {
        await Task.Yield();
        var reader = _work.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var work))
            {
                if (Stopping.IsCancellationRequested) continue;
                try
                {
                    await work(Stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
                {
                    // stopping
                }
                catch (Exception ex)
                {
                    Statistics.OnHandlerError(); // maintenance failures are logged; the next signal retries
                    StreamLog.HandlerFailed(Log, Name, "maintenance", ex);
                }
            }
        }
    }
}
