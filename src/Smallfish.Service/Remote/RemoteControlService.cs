using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Remote.Alerts;
using Smallfish.Remote.Configuration;
using Smallfish.Remote.Email;
using Smallfish.Remote.Handling;
using Smallfish.Remote.Telegram;
using Smallfish.Remote.Telegram.Client;
using Smallfish.Remote.Timing;
using Smallfish.Service.Activity;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;

namespace Smallfish.Service.Remote;

/// <summary>
/// Telegram remote control (when <c>Telegram:Enabled</c>) and email alerts (when <c>Email:Enabled</c>): runs the bot's
/// poller and the mail queue as owned background tasks, turns kill-switch and drawdown changes seen in the published
/// snapshot into alerts, forwards the journal's entry and exit notices (<see cref="ServiceActivity"/>) to Telegram, raises
/// an alert when the engine loop starts failing on inputs (an error that needs a human), and delivers the service's own
/// alerts (<see cref="IServiceAlerts"/>). A failing transport is logged and never stops trading or the host.
/// </summary>
public sealed class RemoteControlService : IHostedService, IServiceAlerts, IAsyncDisposable
{
    private readonly RunContext _context;
    private readonly ServiceState _state;
    private readonly EngineRemoteViewSource _views;
    private readonly TimeProvider _clock;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];
    private HttpClient? _telegramHttp;
    private TelegramRemoteControl? _telegram;
    private EmailAlerter? _email;
    private readonly ServiceActivity? _activity;
    private readonly EngineLoop? _loop;
    private bool _killSeen;
    private long _faultsSeen;
    private long _faultAlertNs = long.MinValue;

    /// <summary>Minimum time between two alerts about engine faults.</summary>
    public static readonly TimeSpan FaultAlertInterval = TimeSpan.FromMinutes(15);

    /// <summary>Creates the service.</summary>
    public RemoteControlService(RunContext context, ServiceState state, EngineRemoteViewSource views, TimeProvider clock, ILoggerFactory loggers,
        ServiceActivity? activity = null, EngineLoop? loop = null)
    {
        _activity = activity;
        _loop = loop;
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _views = views ?? throw new ArgumentNullException(nameof(views));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _logger = loggers.CreateLogger<RemoteControlService>();
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = new TimeProviderAsyncDelay(_clock);
        var options = _context.Options;
        if (options.Telegram.Enabled)
        {
            TelegramBotOptions bot = RemoteOptionsMapper.ToTelegramBotOptions(options.Telegram, options.Secrets);
            _telegramHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
            var client = new TelegramBotClient(_telegramHttp, bot, _clock, delay, _loggers.CreateLogger<TelegramBotClient>());
            _telegram = new TelegramRemoteControl(client, new ViewRemoteCommandHandler(_views), bot, _clock, delay, _loggers);
            _running.Add(Guard("telegram", _telegram.RunAsync(_stopping.Token)));
            if (_activity is not null) _running.Add(Guard("telegram notices", ForwardNoticesAsync(_telegram, _activity, _stopping.Token)));
            RemoteLog.TelegramOn(_logger, bot.AllowedChatIds.Length);
        }

        if (options.Email.Enabled)
        {
            var sender = new SmtpEmailSender(RemoteOptionsMapper.ToSmtpOptions(options.Email, options.Secrets), _clock, _loggers.CreateLogger<SmtpEmailSender>());
            _email = new EmailAlerter(sender, RemoteOptionsMapper.ToEmailAlertOptions(options.Email), _clock, delay, _loggers.CreateLogger<EmailAlerter>(), _views);
            _email.StartDailySummaries();
            _running.Add(Guard("email", _email.RunAsync(_stopping.Token)));
            RemoteLog.EmailOn(_logger, options.Email.To.Count);
        }

        _state.Updated += OnStateUpdated;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _state.Updated -= OnStateUpdated;
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            RemoteLog.StopTimedOut(_logger);
        }

        _email?.Dispose();
    }

    /// <inheritdoc />
    public void Raise(ServiceAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        try
        {
            _telegram?.Notify(RemoteReply.Plain(alert.Text, alert.Subject));
            _email?.Enqueue(new EmailMessage("[smallfish] " + alert.Subject, alert.Text));
        }
        catch (Exception ex)
        {
            RemoteLog.AlertFailed(_logger, alert.Subject, ex);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _email?.Dispose();
        _telegramHttp?.Dispose();
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnStateUpdated(ServiceState state)
    {
        RuntimeSnapshot? snapshot = state.Snapshot;
        if (snapshot is null) return;
        try
        {
            bool tripped = snapshot.KillSwitch.IsTripped;
            if (tripped && !_killSeen)
            {
                string reason = snapshot.KillSwitch.Reason.ToString();
                _email?.KillSwitchTriggered(reason, snapshot.Equity);
                _telegram?.Notify(RemoteReply.Plain($"Kill switch tripped ({reason}): no new entries. /resume to trade again.", "Kill switch"));
            }
            else if (!tripped && _killSeen)
            {
                _email?.KillSwitchReset();
            }

            _killSeen = tripped;
            CheckFaults();
            _email?.ObserveDrawdown(snapshot.DrawdownPct / 100.0, snapshot.Equity, snapshot.PeakEquity);
        }
        catch (Exception ex)
        {
            RemoteLog.AlertFailed(_logger, "state", ex);
        }
    }

    private static async Task ForwardNoticesAsync(TelegramRemoteControl telegram, ServiceActivity activity, CancellationToken cancellationToken)
    {
        await foreach (ActivityNotice notice in activity.Notices.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            telegram.Notify(RemoteReply.Plain(notice.Text, notice.Subject));
        }
    }

    // Inputs the engine threw on are skipped by the loop; a run of them needs someone to read the log.
    private void CheckFaults()
    {
        if (_loop is null) return;
        long faults = _loop.Counters.Faults;
        if (faults <= _faultsSeen) return;
        long now = _clock.GetUnixTimeNs();
        long interval = (long)FaultAlertInterval.TotalMilliseconds * TimeProviderExtensions.NsPerMs;
        if (_faultAlertNs != long.MinValue && now - _faultAlertNs < interval) return;
        long added = faults - _faultsSeen;
        _faultsSeen = faults;
        _faultAlertNs = now;
        Raise(new ServiceAlert("engine errors",
            $"The engine failed on {added} input(s) ({faults} since start); they were skipped. Check the service log; consider /kill if it goes on."));
    }

    private async Task Guard(string name, Task running)
    {
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            RemoteLog.TransportFailed(_logger, name, ex);
        }
    }
}
