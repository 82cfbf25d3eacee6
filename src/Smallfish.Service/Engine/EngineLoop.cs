using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.MarketData;
using Smallfish.Core.State;
using Smallfish.Core.Time;

namespace Smallfish.Service.Engine;

/// <summary>
/// The single writer: one bounded channel of engine inputs (market events in pooled buffers, execution reports, timer
/// ticks, heartbeat pings, commands) drained on one dedicated long-running task that alone calls the
/// <see cref="IEngineCore"/>. Producers never touch engine state. Each processed input bumps
/// <see cref="EngineLoopCounters.Beat"/>; an input that throws is logged, counted and skipped, so one bad event
/// cannot end the loop.
/// </summary>
public sealed class EngineLoop : IAsyncDisposable
{
    private readonly Channel<EngineInput> _inputs;
    private readonly BookUpdatePool _pool;
    private readonly LoopMarketSink _market;
    private readonly LoopExecutionSink _executions;
    private readonly TimeProvider _clock;
    private readonly ServiceOptions _options;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<ShutdownReport> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IEngineCore? _core;
    private Task? _task;
    private ITimer? _ticker;
    private RuntimeSnapshot? _latest;
    private int _timerPending;
    private volatile bool _shutdownRequested;
    private bool _draining;
    private long _drainDeadlineNs;
    private int _cancelsSent;

    /// <summary>Creates the loop; nothing runs until <see cref="Start"/>.</summary>
    public EngineLoop(ServiceOptions options, TimeProvider clock, ILogger<EngineLoop> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _inputs = Channel.CreateBounded<EngineInput>(new BoundedChannelOptions(options.EngineQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
        _pool = new BookUpdatePool(maxRetained: Math.Min(options.EngineQueueCapacity, 8192) + 64, prefill: 256);
        _market = new LoopMarketSink(_inputs.Writer, _pool, Counters);
        _executions = new LoopExecutionSink(_inputs.Writer, Counters);
    }

    /// <summary>Where the market-data streams push events (never blocks; drops and counts when the queue is full).</summary>
    public IMarketEventSink Market => _market;

    /// <summary>Where order updates and fills arrive (waits for room; never drops).</summary>
    public IExecutionSink Executions => _executions;

    /// <summary>Where funding settlements arrive.</summary>
    public IFundingSink Funding => _executions;

    /// <summary>The loop's counters (heartbeat, market events, drops, faults).</summary>
    public EngineLoopCounters Counters { get; } = new();

    /// <summary>True between <see cref="Start"/> and the end of the loop.</summary>
    public bool IsRunning => _task is { IsCompleted: false };

    /// <summary>The snapshot the engine published last (on a heartbeat ping), or null before the first.</summary>
    public RuntimeSnapshot? Latest => Volatile.Read(ref _latest);

    /// <summary>Monitoring hook called on the loop's thread (set before <see cref="Start"/>); null for none.</summary>
    public IEngineLoopObserver? Observer { get; set; }

    /// <summary>Completes with the graceful stop's report once the loop has ended.</summary>
    public Task<ShutdownReport> Completion => _finished.Task;

    /// <summary>Raised on the producer's thread when a book message of a symbol id was dropped (its book needs a resync).</summary>
    public event Action<int>? BookDropped
    {
        add => _market.BookDropped += value;
        remove => _market.BookDropped -= value;
    }

    /// <summary>Starts the loop's task and its timer over <paramref name="core"/>.</summary>
    public void Start(IEngineCore core)
    {
        ArgumentNullException.ThrowIfNull(core);
        if (_core is not null) throw new InvalidOperationException("the engine loop is already started");
        _core = core;
        _task = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        TimeSpan period = TimeSpan.FromMilliseconds(_options.EngineTimerMs);
        _ticker = _clock.CreateTimer(static s => ((EngineLoop)s!).PostTimer(), this, period, period);
    }

    /// <summary>Queues a heartbeat ping; the loop publishes a snapshot and records the sequence. False when the queue is full or closed.</summary>
    public bool Ping(long sequence) => _inputs.Writer.TryWrite(EngineInput.ForPing(sequence));

    /// <summary>Queues <paramref name="command"/> without waiting; false when the queue is full or closed.</summary>
    public bool TryPost(EngineCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return _inputs.Writer.TryWrite(EngineInput.ForCommand(command));
    }

    /// <summary>Queues <paramref name="command"/> (waiting for room) and returns its completion.</summary>
    public async Task<bool> SendAsync(EngineCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            await _inputs.Writer.WriteAsync(EngineInput.ForCommand(command), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            command.Abandon();
        }

        return await command.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes once every input queued before the call has been processed (a barrier through the queue: it touches
    /// neither the engine nor its snapshot). A lockstep replay releases the next event only after this, so the loop
    /// handles one event completely before it sees the next, as the backtest does (docs/reliability.md, "Parity").
    /// Cancelled when the loop has ended.
    /// </summary>
    public Task<bool> DrainAsync(CancellationToken cancellationToken = default) => SendAsync(EngineCommand.Barrier(), cancellationToken);

    /// <summary>
    /// The graceful stop: the loop stops new entries, cancels resting entry orders (protective orders stay), keeps
    /// taking execution reports until every entry order is gone or <see cref="ServiceOptions.ShutdownDrainMs"/> has
    /// passed, publishes a last snapshot and ends. Completes with the report; returns early (loop still ending) when
    /// <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task<ShutdownReport> StopAsync(CancellationToken cancellationToken)
    {
        if (_task is null)
        {
            _finished.TrySetResult(new ShutdownReport(0, 0, 0, false));
            return await _finished.Task.ConfigureAwait(false);
        }

        _shutdownRequested = true;
        Wake();
        return await _finished.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ticker is not null) await _ticker.DisposeAsync().ConfigureAwait(false);
        _inputs.Writer.TryComplete();
        if (_task is null) return;
        try
        {
            // A loop stuck inside the engine must not hold the process forever; its thread is a background thread.
            await _task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            EngineLog.AbandonedOnDispose(_logger);
        }
    }

    private void PostTimer()
    {
        if (Interlocked.Exchange(ref _timerPending, 1) != 0) return;
        if (!_inputs.Writer.TryWrite(EngineInput.ForTimer())) Volatile.Write(ref _timerPending, 0);
    }

    private void Wake() => _inputs.Writer.TryWrite(EngineInput.ForTimer());

    private void Run()
    {
        ChannelReader<EngineInput> reader = _inputs.Reader;
        ShutdownReport? report = null;
        try
        {
            EngineLog.LoopStarted(_logger, _options.EngineQueueCapacity);
            while (report is null)
            {
                while (report is null && reader.TryRead(out EngineInput input))
                {
                    Process(input);
                    if (_shutdownRequested) report = ShutdownStep(input.Kind);
                }

                if (report is null && _shutdownRequested) report = ShutdownStep(EngineInputKind.Timer);
                if (report is null && !WaitForInput(reader))
                {
                    report = new ShutdownReport(_cancelsSent, 0, 0, false);
                }
            }
        }
        catch (Exception ex)
        {
            // Only the loop machinery itself can get here (engine calls are guarded one by one).
            EngineLog.LoopCrashed(_logger, ex);
            report ??= new ShutdownReport(_cancelsSent, -1, -1, true);
        }
        finally
        {
            _ticker?.Dispose();
            _inputs.Writer.TryComplete();
            while (reader.TryRead(out EngineInput left))
            {
                if (left.Item is EngineCommand command) command.Abandon();
            }

            _finished.TrySetResult(report ?? new ShutdownReport(_cancelsSent, -1, -1, true));
        }
    }

    private static bool WaitForInput(ChannelReader<EngineInput> reader)
    {
        ValueTask<bool> wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void Process(in EngineInput input)
    {
        IEngineCore core = _core!;
        bool market = false;
        IEngineLoopObserver? observer = Observer;
        if (observer is not null) observer.MarketEvent(LocalTsOf(input));
        try
        {
            switch (input.Kind)
            {
                case EngineInputKind.Book:
                    market = true;
                    try
                    {
                        core.OnBook(input.Book!);
                    }
                    finally
                    {
                        _pool.Return(input.Book!);
                    }

                    break;
                case EngineInputKind.Trade:
                    market = true;
                    core.OnTrade(input.Market.Trade);
                    break;
                case EngineInputKind.Bbo:
                    market = true;
                    core.OnBbo(input.Market.Bbo);
                    break;
                case EngineInputKind.Ticker:
                    market = true;
                    core.OnTicker(input.Market.Ticker);
                    break;
                case EngineInputKind.OrderUpdate:
                    core.OnOrderUpdate((OrderUpdate)input.Item!);
                    break;
                case EngineInputKind.Fill:
                    core.OnFill((Fill)input.Item!);
                    break;
                case EngineInputKind.Funding:
                    core.OnFunding((FundingPayment)input.Item!);
                    break;
                case EngineInputKind.Timer:
                    Volatile.Write(ref _timerPending, 0);
                    core.OnTimer(_clock.GetUnixTimeNs());
                    break;
                case EngineInputKind.Ping:
                    long pingNs = _clock.GetUnixTimeNs();
                    RuntimeSnapshot published = core.PublishSnapshot(pingNs);
                    Volatile.Write(ref _latest, published);
                    observer?.Published(core, published, pingNs);
                    Counters.Pinged(input.Value);
                    break;
                case EngineInputKind.Command:
                    Execute(core, (EngineCommand)input.Item!);
                    break;
            }
        }
        catch (Exception ex)
        {
            Counters.Faulted();
            EngineLog.InputFailed(_logger, input.Kind.ToString(), ex);
            if (input.Item is EngineCommand command) command.Fail(ex);
        }
        finally
        {
            if (observer is not null && market) observer.MarketEvent(0);
            Counters.Processed(market);
        }
    }

    private static long LocalTsOf(in EngineInput input) => input.Kind switch
    {
        EngineInputKind.Book => input.Book!.LocalTsNs,
        EngineInputKind.Trade => input.Market.Trade.LocalTsNs,
        EngineInputKind.Bbo => input.Market.Bbo.LocalTsNs,
        EngineInputKind.Ticker => input.Market.Ticker.LocalTsNs,
        _ => 0,
    };

    private void Execute(IEngineCore core, EngineCommand command)
    {
        if (command.Kind == EngineCommandKind.Barrier)
        {
            command.Complete(true);
            return;
        }

        long now = _clock.GetUnixTimeNs();
        bool changed;
        switch (command.Kind)
        {
            case EngineCommandKind.Kill:
                changed = core.TripKillSwitch(command.Reason, now, command.Detail);
                if (changed) EngineLog.KillSwitchTripped(_logger, command.Reason.ToString(), command.Detail ?? "");
                break;
            case EngineCommandKind.Resume:
                changed = core.Resume(now);
                if (changed) EngineLog.KillSwitchReset(_logger, command.Detail ?? "");
                break;
            case EngineCommandKind.StopEntries:
                core.StopEntries(command.Hold, now);
                changed = true;
                break;
            default:
                core.AllowEntries(command.Hold, now);
                changed = true;
                break;
        }

        // Readers see the change at once, not only at the next heartbeat.
        Volatile.Write(ref _latest, core.PublishSnapshot(now));
        command.Complete(changed);
    }

    private ShutdownReport? ShutdownStep(EngineInputKind after)
    {
        IEngineCore core = _core!;
        long now = _clock.GetUnixTimeNs();
        RuntimeSnapshot snapshot;
        if (!_draining)
        {
            _draining = true;
            _drainDeadlineNs = now + _options.ShutdownDrainMs * TimeProviderExtensions.NsPerMs;
            try
            {
                core.StopEntries(EntryHold.ShuttingDown, now);
                _cancelsSent = core.CancelEntryOrders(now);
            }
            catch (Exception ex)
            {
                Counters.Faulted();
                EngineLog.InputFailed(_logger, "Shutdown", ex);
            }

            EngineLog.Draining(_logger, _cancelsSent, _options.ShutdownDrainMs);
        }
        else if (after is not (EngineInputKind.OrderUpdate or EngineInputKind.Fill or EngineInputKind.Timer or EngineInputKind.Ping))
        {
            return null; // market events during the drain: check again on the next report or tick
        }

        try
        {
            snapshot = core.PublishSnapshot(now);
        }
        catch (Exception ex)
        {
            Counters.Faulted();
            EngineLog.InputFailed(_logger, "Shutdown", ex);
            return new ShutdownReport(_cancelsSent, -1, -1, true);
        }

        Volatile.Write(ref _latest, snapshot);
        (int entries, int protective) = CountOrders(snapshot);
        bool timedOut = now >= _drainDeadlineNs;
        if (entries > 0 && !timedOut) return null;
        var report = new ShutdownReport(_cancelsSent, entries, protective, entries > 0);
        EngineLog.Stopped(_logger, report.EntryCancelsSent, report.EntryOrdersLeft, report.ProtectiveOrdersKept, report.DrainTimedOut);
        return report;
    }

    private static (int Entries, int Protective) CountOrders(RuntimeSnapshot snapshot)
    {
        int entries = 0, protective = 0;
        foreach (OrderSnapshot order in snapshot.WorkingOrders)
        {
            if (order.Role is OrderRole.Entry or OrderRole.GridLevel) entries++;
            else if (order.Role is OrderRole.StopLoss or OrderRole.TakeProfit or OrderRole.PartialTakeProfit or OrderRole.GridTakeProfit) protective++;
        }

        return (entries, protective);
    }
}
