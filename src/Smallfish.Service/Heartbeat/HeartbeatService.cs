using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Engine;
using Smallfish.Core.Time;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.Systemd;

namespace Smallfish.Service.Heartbeat;

/// <summary>
/// The service's pulse, on a timer of the run's clock: asks the loop to publish a snapshot (the ping), judges loop and
/// feed (<see cref="HeartbeatMonitor"/>), stores both in <see cref="ServiceState"/>, sends <c>WATCHDOG=1</c> only
/// while the loop is alive (so systemd restarts a stalled service), and on a stale feed or a stalled loop stops new
/// entries and raises an alert (lifted when the cause is gone).
/// </summary>
public sealed class HeartbeatService : IHostedService, IAsyncDisposable
{
    private readonly EngineLoop _loop;
    private readonly ISystemdNotifier _notifier;
    private readonly ServiceState _state;
    private readonly IServiceAlerts _alerts;
    private readonly RunContext _context;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private HeartbeatMonitor? _monitor;
    private ITimer? _timer;
    private EntryHold _wanted;
    private EntryHold _posted;
    private long _watchdogPings;

    /// <summary>Creates the service.</summary>
    public HeartbeatService(EngineLoop loop, ISystemdNotifier notifier, ServiceState state, IServiceAlerts alerts, RunContext context, TimeProvider clock,
        ILogger<HeartbeatService> logger)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _alerts = alerts ?? throw new ArgumentNullException(nameof(alerts));
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The check interval: the configured one, or half of the watchdog timeout when that is shorter.</summary>
    public TimeSpan Interval { get; private set; }

    /// <summary><c>WATCHDOG=1</c> notifications sent so far.</summary>
    public long WatchdogPings => Interlocked.Read(ref _watchdogPings);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Interval = TimeSpan.FromMilliseconds(_context.Options.Service.HeartbeatIntervalMs);
        if (_notifier.WatchdogInterval is { } watchdog && watchdog < Interval) Interval = watchdog;
        _monitor = new HeartbeatMonitor(_context.Options.Service, _clock.GetUnixTimeNs());
        _loop.Ping(_monitor.NextPing());
        _timer = _clock.CreateTimer(static s => ((HeartbeatService)s!).Beat(), this, Interval, Interval);
        HeartbeatLog.Started(_logger, (long)Interval.TotalMilliseconds, _notifier.WatchdogInterval is { } w ? (long)w.TotalMilliseconds : 0);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null) await _timer.DisposeAsync().ConfigureAwait(false);
        _timer = null;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _timer?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>One heartbeat (the timer's callback; public for tests that drive it without a timer).</summary>
    public void Beat()
    {
        lock (_gate)
        {
            try
            {
                BeatCore();
            }
            catch (Exception ex)
            {
                HeartbeatLog.BeatFailed(_logger, ex);
            }
        }
    }

    private void BeatCore()
    {
        HeartbeatMonitor monitor = _monitor ?? throw new InvalidOperationException("the heartbeat is not started");
        long now = _clock.GetUnixTimeNs();
        HeartbeatCheck check = monitor.Check(now, _loop.Counters.LastPing, _loop.Counters.MarketEvents);

        if (check.LoopAlive && _state.Ready && _notifier.WatchdogInterval is not null && _notifier.Notify(SystemdNotifier.Watchdog))
        {
            Interlocked.Increment(ref _watchdogPings);
        }

        if (check.LoopChanged) OnLoopChanged(check);
        if (check.FeedChanged) OnFeedChanged(check);
        _wanted = (check.LoopAlive ? EntryHold.None : EntryHold.LoopStalled) | (check.FeedStale ? EntryHold.FeedStale : EntryHold.None);
        PostHolds();

        _loop.Ping(monitor.NextPing());
        _state.Update(_loop.Latest, check);
    }

    private void OnLoopChanged(HeartbeatCheck check)
    {
        if (!check.LoopAlive)
        {
            HeartbeatLog.LoopStalled(_logger, _context.Options.Service.LoopStallMs, _loop.Counters.Beat);
            _notifier.Notify(SystemdNotifier.Status("engine loop stalled; watchdog pings stopped"));
            _alerts.Raise(new ServiceAlert("engine loop stalled",
                $"The engine loop has not answered for {_context.Options.Service.LoopStallMs} ms. New entries are stopped; systemd restarts the service if it does not recover."));
        }
        else
        {
            HeartbeatLog.LoopRecovered(_logger);
            _notifier.Notify(SystemdNotifier.Status("running: " + _context.Describe()));
            _alerts.Raise(new ServiceAlert("engine loop recovered", "The engine loop is answering again."));
        }
    }

    private void OnFeedChanged(HeartbeatCheck check)
    {
        if (check.FeedStale)
        {
            HeartbeatLog.FeedStale(_logger, (long)check.LastEventAgeMs);
            _notifier.Notify(SystemdNotifier.Status("market data stale; new entries stopped"));
            _alerts.Raise(new ServiceAlert("market data stale",
                $"No market data for {(long)check.LastEventAgeMs} ms. New entries are stopped until the feed returns; open positions keep their protective orders."));
        }
        else
        {
            HeartbeatLog.FeedRecovered(_logger);
            _notifier.Notify(SystemdNotifier.Status("running: " + _context.Describe()));
            _alerts.Raise(new ServiceAlert("market data back", "Market data is arriving again; entries may resume."));
        }
    }

    // Entry holds follow the verdict; a post refused by a full queue is retried on the next beat.
    private void PostHolds()
    {
        foreach (EntryHold hold in new[] { EntryHold.LoopStalled, EntryHold.FeedStale })
        {
            bool want = (_wanted & hold) != 0, have = (_posted & hold) != 0;
            if (want == have) continue;
            EngineCommand command = want ? EngineCommand.StopEntries(hold) : EngineCommand.AllowEntries(hold);
            if (_loop.TryPost(command)) _posted = want ? _posted | hold : _posted & ~hold;
        }
    }
}
