using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Smallfish.Remote.Email;
using Smallfish.Remote.Timing;

namespace Smallfish.Remote.Alerts;

/// <summary>
/// Sends the alert mails: kill switch triggered (once per activation), drawdown beyond a threshold (once per upward
/// crossing, re-armed below a lower level), and a daily summary at a configured UTC time (a timer on the injected
/// <see cref="TimeProvider"/>). Trading must never wait on email: the event methods only queue (a bounded channel,
/// <c>TryWrite</c>), never block and never throw; <see cref="RunAsync"/> delivers in the background with retries and
/// jittered exponential backoff (through <see cref="IAsyncDelay"/>), and gives up on a mail after
/// <see cref="EmailAlertOptions.MaxAttempts"/> or a permanent refusal, logging it.
/// </summary>
public sealed class EmailAlerter : IDisposable
{
    private readonly IEmailSender _sender;
    private readonly EmailAlertOptions _options;
    private readonly TimeProvider _time;
    private readonly IAsyncDelay _delay;
    private readonly ILogger _logger;
    private readonly IDailySummarySource? _summaries;
    private readonly Random _jitter;
    private readonly BackoffPolicy _backoff;
    private readonly Channel<EmailMessage> _queue;
    private readonly object _gate = new();
    private bool _killActive;
    private bool _drawdownAlerted;
    private ITimer? _summaryTimer;
    private DateTimeOffset _nextSummary;
    private long _delivered;
    private long _dropped;

    /// <summary>Creates the alerter; call <see cref="StartDailySummaries"/> and run <see cref="RunAsync"/>.</summary>
    public EmailAlerter(IEmailSender sender, EmailAlertOptions options, TimeProvider time, IAsyncDelay delay, ILogger<EmailAlerter> logger,
        IDailySummarySource? summaries = null, Random? jitter = null)
    {
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _delay = delay ?? throw new ArgumentNullException(nameof(delay));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _summaries = summaries;
        _jitter = jitter ?? Random.Shared;
        _backoff = new BackoffPolicy(options.RetryBaseDelay, options.RetryMaxDelay);
        _queue = Channel.CreateBounded<EmailMessage>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true });
    }

    /// <summary>Mails delivered so far.</summary>
    public long DeliveredCount => Interlocked.Read(ref _delivered);

    /// <summary>Mails given up (permanent refusal, attempts exhausted, or queue full).</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>The next scheduled daily summary, when scheduled.</summary>
    public DateTimeOffset? NextDailySummary { get { lock (_gate) return _summaryTimer is null ? null : _nextSummary; } }

    /// <summary>
    /// The kill switch was triggered. Queues one mail per activation (repeat calls while active are ignored until
    /// <see cref="KillSwitchReset"/>). Returns true when a mail was queued. Never throws.
    /// </summary>
    public bool KillSwitchTriggered(string reason, decimal? equity = null)
    {
        try
        {
            if (!_options.Enabled || !_options.KillSwitchAlerts) return false;
            lock (_gate)
            {
                if (_killActive) return false;
                _killActive = true;
            }
            return Enqueue(AlertMessages.KillSwitch(_options.SubjectPrefix, reason, _time.GetUtcNow(), equity), "kill switch");
        }
        catch (Exception e)
        {
            _logger.AlertCrashed("kill switch", e);
            return false;
        }
    }

    /// <summary>The kill switch was reset: the next trigger mails again.</summary>
    public void KillSwitchReset()
    {
        lock (_gate) _killActive = false;
    }

    /// <summary>
    /// Reports the current drawdown (fraction of peak). Queues one mail when it crosses
    /// <see cref="EmailAlertOptions.DrawdownAlertFraction"/> upwards; re-arms once it falls below
    /// <see cref="EmailAlertOptions.DrawdownRearmFraction"/>. Returns true when a mail was queued. Never throws.
    /// </summary>
    public bool ObserveDrawdown(double drawdownFraction, decimal equity, decimal peakEquity)
    {
        try
        {
            if (!_options.Enabled || !double.IsFinite(drawdownFraction)) return false;
            lock (_gate)
            {
                if (_drawdownAlerted)
                {
                    if (drawdownFraction < _options.DrawdownRearmFraction) _drawdownAlerted = false;
                    return false;
                }
                if (drawdownFraction < _options.DrawdownAlertFraction) return false;
                _drawdownAlerted = true;
            }
            return Enqueue(AlertMessages.Drawdown(_options.SubjectPrefix, drawdownFraction, _options.DrawdownAlertFraction, equity, peakEquity,
                _time.GetUtcNow()), "drawdown");
        }
        catch (Exception e)
        {
            _logger.AlertCrashed("drawdown", e);
            return false;
        }
    }

    /// <summary>Schedules the daily summary (no-op when disabled or no summary source was given).</summary>
    public void StartDailySummaries()
    {
        if (!_options.Enabled || !_options.DailySummary || _summaries is null) return;
        lock (_gate)
        {
            if (_summaryTimer is not null) return;
            _nextSummary = NextOccurrenceAfter(_time.GetUtcNow());
            _summaryTimer = _time.CreateTimer(static s => ((EmailAlerter)s!).OnSummaryDue(), this, _nextSummary - _time.GetUtcNow(), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Queues any mail; false (and logged) when the queue is full. Never blocks or throws.</summary>
    public bool Enqueue(EmailMessage message) => Enqueue(message, "message");

    /// <summary>Delivers queued mail until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var message)) await DeliverAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Stops the daily summary timer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _summaryTimer?.Dispose();
            _summaryTimer = null;
        }
    }

    private bool Enqueue(EmailMessage message, string kind)
    {
        if (_queue.Writer.TryWrite(message))
        {
            _logger.AlertQueued(kind);
            return true;
        }
        Interlocked.Increment(ref _dropped);
        _logger.AlertQueueFull(_options.QueueCapacity, message.Subject);
        return false;
    }

    private async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await _sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _delivered);
                _logger.AlertSent(message.Subject, attempt);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                var reason = e is EmailSendException ? e.Message : e.GetType().Name;
                var permanent = e is EmailSendException { IsTransient: false };
                if (permanent || attempt >= _options.MaxAttempts)
                {
                    Interlocked.Increment(ref _dropped);
                    _logger.AlertDropped(message.Subject, attempt, reason);
                    return;
                }
                var wait = _backoff.Compute(attempt, _jitter.NextDouble());
                _logger.AlertRetry(message.Subject, attempt, reason, (long)wait.TotalMilliseconds);
                await _delay.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void OnSummaryDue()
    {
        DateTimeOffset due;
        lock (_gate)
        {
            if (_summaryTimer is null) return;
            due = _nextSummary;
        }
        try
        {
            var view = _summaries!.GetDailySummary(due);
            Enqueue(AlertMessages.DailySummary(_options.SubjectPrefix, view), "daily summary");
        }
        catch (Exception e)
        {
            _logger.DailySummaryFailed(e);
        }
        lock (_gate)
        {
            if (_summaryTimer is null) return;
            // Next day from the slot that fired (a timer firing a hair early must not send twice).
            var now = _time.GetUtcNow();
            var next = due.AddDays(1);
            if (next <= now) next = NextOccurrenceAfter(now);
            _nextSummary = next;
            _summaryTimer.Change(next - now, Timeout.InfiniteTimeSpan);
        }
    }

    private DateTimeOffset NextOccurrenceAfter(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var candidate = new DateTimeOffset(utc.Date, TimeSpan.Zero) + _options.DailySummaryUtc;
        return candidate > utc ? candidate : candidate.AddDays(1);
    }
}
