using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.Recovery;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Recovery;
using Smallfish.Exchanges.Results;
using Smallfish.Exchanges.Streams;
using Smallfish.Service.Engine;

namespace Smallfish.Service.Trading;

/// <summary>
/// Reads back over REST what the venue did while the private stream could not tell (docs/service.md, "Private stream
/// resync"). When the private stream drops, new entries are held (<see cref="EntryHold.PrivateStreamResync"/>); when it
/// is connected again, and whenever the gateway learns that the engine's position is wrong (a protective reduce-only
/// order refused), one resync runs:
/// <list type="number">
/// <item>the hold is set through the loop, whose answer publishes the engine's current orders and positions;</item>
/// <item>the venue's open orders (plain and conditional), the state of every order the engine has working that is no
/// longer open, the executions of each traded symbol with a position or a working order since the earliest of the disconnect, the engine's position opening and
/// its working orders' creation (less a margin), and the positions are read;</item>
/// <item>the executions of this run's orders (and of orders the engine adopted) go to the loop's execution input in
/// time order, as the private stream would have handed them on (the engine ignores execution ids it has booked), then
/// the final state of each order that ended meanwhile, and the acknowledgement of each order the engine still awaits;</item>
/// <item>the hold is lifted (unless the stream is down again) and the engine's positions are compared with the venue's.</item>
/// </list>
/// A failed read keeps the hold and is tried again. Reports reach the engine only through the loop, like the private
/// stream's, so the engine stays single-threaded and deterministic in the order it receives them.
/// </summary>
public sealed class PrivateStreamResync : IAsyncDisposable
{
    /// <summary>How far before the gap (or the position's opening) executions are read again.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>The furthest back a resync reads (the venues serve at most seven days of executions).</summary>
    public static readonly TimeSpan MaxLookBack = TimeSpan.FromHours(24);

    /// <summary>
    /// A reconnect is read back twice: at once, and this long after. The Bybit private stream subscribes after the
    /// connection is reported, so a fill between the first read and the subscription would otherwise be missed.
    /// </summary>
    public static readonly TimeSpan SecondPassDelay = TimeSpan.FromSeconds(1);

    private readonly IExchangeRestClient _rest;
    private readonly IInstrumentLookup _instruments;
    private readonly IReadOnlyList<string> _symbols;
    private readonly EngineLoop _loop;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly object _tasksLock = new();
    private readonly List<Task> _tasks = [];
    private long _run;
    private long _downSinceMs;
    private int _down;
    private long _completed;
    private long _failed;
    private long _reportsHandedOn;
    private int _disposed;

    /// <summary>Creates the resync over the order path's REST client; reports go to <paramref name="loop"/>'s execution input.</summary>
    public PrivateStreamResync(IExchangeRestClient rest, IInstrumentLookup instruments, IReadOnlyList<string> symbols, EngineLoop loop, TimeProvider clock,
        ILogger logger)
    {
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
        _instruments = instruments ?? throw new ArgumentNullException(nameof(instruments));
        _symbols = symbols ?? throw new ArgumentNullException(nameof(symbols));
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// The engine's run (set once the engine is built): executions of orders with this run in their client id are
    /// this engine's; any other client id counts only when the engine has the order working (adopted at start-up).
    /// </summary>
    public long Run
    {
        get => Interlocked.Read(ref _run);
        set => Interlocked.Exchange(ref _run, value);
    }

    /// <summary>Resyncs completed.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Resync attempts whose venue read failed (each is tried again).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Fills and order states handed to the engine by resyncs.</summary>
    public long ReportsHandedOn => Interlocked.Read(ref _reportsHandedOn);

    /// <summary>
    /// The private stream's connection changed (called on the stream's consumer thread; never waits). Down: entries are
    /// held from now. Connected again after a drop: a resync starts, and a second one <see cref="SecondPassDelay"/> later.
    /// </summary>
    public void OnConnectionChanged(StreamConnectionEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!change.IsPrivate || Volatile.Read(ref _disposed) != 0) return;
        switch (change.State)
        {
            case StreamConnectionState.Disconnected:
            case StreamConnectionState.AuthFailed:
                if (Interlocked.Exchange(ref _down, 1) == 0)
                {
                    Interlocked.CompareExchange(ref _downSinceMs, _clock.GetUnixTimeMs(), 0);
                    _loop.TryPost(EngineCommand.StopEntries(EntryHold.PrivateStreamResync));
                }

                break;
            case StreamConnectionState.Connected when change.Detail == "reconnected":
                Volatile.Write(ref _down, 0);
                Track(ReconnectedAsync());
                break;
        }
    }

    /// <summary>
    /// Runs one resync now (after any running one) and completes when its reports are in the loop's input. Used by the
    /// gateway when the venue refuses a protective reduce-only order: the engine's position is not the venue's.
    /// </summary>
    public Task ResyncAsync(string reason)
    {
        if (Volatile.Read(ref _disposed) != 0) return Task.CompletedTask;
        try
        {
            return RunAsync(reason, _stop.Token);
        }
        catch (ObjectDisposedException)
        {
            return Task.CompletedTask; // stopped meanwhile
        }
    }

    /// <summary>Completes when every resync started so far has finished (tests, stop).</summary>
    public async Task WhenIdleAsync()
    {
        Task[] running;
        lock (_tasksLock) running = [.. _tasks];
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A read still hanging is abandoned with the client.
        }

        _stop.Dispose();
    }

    private void Track(Task task)
    {
        lock (_tasksLock)
        {
            _tasks.RemoveAll(static t => t.IsCompleted);
            _tasks.Add(task);
        }
    }

    private async Task ReconnectedAsync()
    {
        try
        {
            await RunAsync("private stream reconnected", _stop.Token).ConfigureAwait(false);
            await Task.Delay(SecondPassDelay, _clock, _stop.Token).ConfigureAwait(false);
            if (Volatile.Read(ref _down) == 0) await RunAsync("private stream reconnected (second pass)", _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && Volatile.Read(ref _disposed) != 0)
        {
            // stopping
        }
    }

    /// <summary>One resync, serialized with the others; a failed read is tried again (the hold stays) until it succeeds or the stream drops again.</summary>
    private async Task RunAsync(string reason, CancellationToken ct)
    {
        try
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            for (int attempt = 0; !ct.IsCancellationRequested; attempt++)
            {
                long downSince = Interlocked.Read(ref _downSinceMs);
                string? failure;
                try
                {
                    failure = await ResyncOnceAsync(reason, downSince, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception ex)
                {
                    failure = ex.Message;
                }

                if (failure is null)
                {
                    Interlocked.Increment(ref _completed);
                    if (Volatile.Read(ref _down) == 0) Interlocked.CompareExchange(ref _downSinceMs, 0, downSince);
                    return;
                }

                Interlocked.Increment(ref _failed);
                TradingLog.ResyncFailed(_logger, reason, failure);
                // A stream down again will resync when it is back; a reduce-only refusal still needs its answer.
                if (Volatile.Read(ref _down) != 0 && attempt > 0) return;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 << Math.Min(attempt, 5))), _clock, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the venue and hands the missed reports on; returns null when done, else why the read failed.</summary>
    private async Task<string?> ResyncOnceAsync(string reason, long downSinceMs, CancellationToken ct)
    {
        // The loop executes the hold and publishes its snapshot: the engine's orders and positions as of now.
        await _loop.SendAsync(EngineCommand.StopEntries(EntryHold.PrivateStreamResync), ct).ConfigureAwait(false);
        RuntimeSnapshot? engine = _loop.Latest;
        if (engine is null) return "the engine published no snapshot";
        long nowMs = _clock.GetUnixTimeMs();
        long run = Run;

        var working = new Dictionary<string, OrderSnapshot>(StringComparer.Ordinal);
        var clientIdOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (OrderSnapshot o in engine.WorkingOrders)
        {
            working[o.ClientOrderId] = o;
            if (o.ExchangeOrderId is { Length: > 0 } id) clientIdOf[id] = o.ClientOrderId;
        }

        var open = await _rest.GetOpenOrdersAsync(null, ct).ConfigureAwait(false);
        if (!open.Success || open.Data is null) return "open orders: " + open.Error;
        var updates = new List<OrderUpdate>();
        var openIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (ExchangeOrder o in open.Data)
        {
            if (o.ClientOrderId.Length == 0) continue;
            openIds.Add(o.ClientOrderId);
            if (o.ExchangeOrderId.Length > 0) clientIdOf[o.ExchangeOrderId] = o.ClientOrderId;
            // Working at the venue while the engine still waits for its acknowledgement: the ack was lost.
            if (working.TryGetValue(o.ClientOrderId, out OrderSnapshot? mine) && mine.Status == OrderStatus.PendingNew
                && ExecutionNormalizer.TryToOrderUpdate(o, _instruments, out OrderUpdate ack))
            {
                updates.Add(ack);
            }
        }

        // Orders the engine has working that the venue no longer lists: their final state (filled, cancelled, expired).
        foreach (OrderSnapshot mine in working.Values)
        {
            if (openIds.Contains(mine.ClientOrderId)) continue;
            var lookup = await _rest.GetOrderAsync(mine.Symbol, mine.ClientOrderId, ct).ConfigureAwait(false);
            // Not found: a placement still on its way (the gateway's answer or the ack timeout settles it).
            if (!lookup.Success || lookup.Data is not { } order) continue;
            if (order.ExchangeOrderId.Length > 0) clientIdOf[order.ExchangeOrderId] = mine.ClientOrderId;
            bool missed = order.Status.IsTerminal() || mine.Status == OrderStatus.PendingNew;
            if (missed && ExecutionNormalizer.TryToOrderUpdate(order, _instruments, out OrderUpdate update)) updates.Add(update);
        }

        // Executions only where something can have filled: a symbol with a position or a working order (engine or venue).
        var active = new HashSet<string>(StringComparer.Ordinal);
        foreach (PositionSnapshot p in engine.Positions) active.Add(p.Symbol);
        foreach (OrderSnapshot o in engine.WorkingOrders) active.Add(o.Symbol);
        foreach (ExchangeOrder o in open.Data) active.Add(o.Symbol);
        var fills = new List<Fill>();
        foreach (string symbol in _symbols)
        {
            if (!active.Contains(symbol)) continue;
            long sinceMs = SinceMs(symbol, engine, downSinceMs, nowMs);
            var executions = await _rest.GetExecutionsAsync(symbol, sinceMs, ct).ConfigureAwait(false);
            if (!executions.Success || executions.Data is null) return "executions of " + symbol + ": " + executions.Error;
            ExchangeAccountReader.AppendFills(executions.Data, _instruments, clientIdOf, id => IsEngines(id, run, working), fills);
        }

        var positions = await _rest.GetPositionsAsync(null, ct).ConfigureAwait(false);
        if (!positions.Success || positions.Data is null) return "positions: " + positions.Error;

        // As the private stream hands them on: each fill before the order state it leads to.
        fills.Sort(static (a, b) => a.TsNs.CompareTo(b.TsNs));
        foreach (Fill fill in fills) _loop.Executions.OnFill(fill);
        foreach (OrderUpdate update in updates) _loop.Executions.OnOrderUpdate(update);
        Interlocked.Add(ref _reportsHandedOn, fills.Count + updates.Count);

        if (Volatile.Read(ref _down) != 0) return null; // down again: the hold stays until the next reconnect's resync
        await _loop.SendAsync(EngineCommand.AllowEntries(EntryHold.PrivateStreamResync), ct).ConfigureAwait(false);
        TradingLog.Resynced(_logger, reason, fills.Count, updates.Count);
        CompareNetPositions(_loop.Latest, positions.Data);
        return null;
    }

    /// <summary>
    /// Where the read of a symbol's executions starts: the earliest of the disconnect, the engine's position opening and
    /// its working orders' creation on the symbol, less <see cref="Margin"/>, and no more than <see cref="MaxLookBack"/>.
    /// </summary>
    private static long SinceMs(string symbol, RuntimeSnapshot engine, long downSinceMs, long nowMs)
    {
        long since = downSinceMs > 0 ? Math.Min(downSinceMs, nowMs) : nowMs;
        foreach (PositionSnapshot p in engine.Positions)
        {
            if (p.Symbol == symbol && p.OpenedNs > 0) since = Math.Min(since, p.OpenedNs / TimeProviderExtensions.NsPerMs);
        }

        foreach (OrderSnapshot o in engine.WorkingOrders)
        {
            if (o.Symbol == symbol && o.CreatedNs > 0) since = Math.Min(since, o.CreatedNs / TimeProviderExtensions.NsPerMs);
        }

        since -= (long)Margin.TotalMilliseconds;
        return Math.Max(since, nowMs - (long)MaxLookBack.TotalMilliseconds);
    }

    /// <summary>An execution the engine can book: an order of this run, or one it has working (adopted at start-up).</summary>
    private static bool IsEngines(string clientOrderId, long run, Dictionary<string, OrderSnapshot> working) =>
        clientOrderId.Length > 0 && ClientOrderId.TryParse(clientOrderId, out ClientOrderIdParts parts)
        && (parts.Run == run || working.ContainsKey(clientOrderId));

    private void CompareNetPositions(RuntimeSnapshot? engine, IReadOnlyList<ExchangePosition> venue)
    {
        if (engine is null) return;
        foreach (string symbol in _symbols)
        {
            long mine = 0, theirs = 0;
            foreach (PositionSnapshot p in engine.Positions)
            {
                if (p.Symbol == symbol) mine += p.Side == Side.Buy ? p.QtyLots : -p.QtyLots;
            }

            foreach (ExchangePosition p in venue)
            {
                if (p.Symbol == symbol && ReconciliationNormalizer.TryToNetPosition(p, _instruments, out ExchangeNetPosition net))
                {
                    theirs += net.Side == Side.Buy ? net.QtyLots : -net.QtyLots;
                }
            }

            // Fills after the venue read are on the stream already: a difference can be a race, so it is only reported.
            if (mine != theirs) TradingLog.ResyncPositionDiffers(_logger, symbol, mine, theirs);
        }
    }
}
