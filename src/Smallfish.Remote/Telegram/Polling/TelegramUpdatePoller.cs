using Microsoft.Extensions.Logging;
using Smallfish.Remote.Telegram.Api;
using Smallfish.Remote.Telegram.Client;
using Smallfish.Remote.Telegram.Requests;
using Smallfish.Remote.Timing;

namespace Smallfish.Remote.Telegram.Polling;

/// <summary>
/// The <c>getUpdates</c> long-poll loop with offset bookkeeping: after each update is handled the offset becomes its
/// id + 1, so the next poll confirms it (Telegram deletes confirmed updates) and no update is handled twice. Updates
/// that are ignored still advance the offset. Optionally discards the backlog at start (<c>offset=-1</c>), and
/// confirms the last batch on a graceful stop.
/// <para>Errors: 401 stops the loop (<see cref="StoppedBy"/>; retrying a revoked token is pointless); 409 (another
/// poller) and everything else back off with jitter and poll again. 429 is honoured inside the client.</para>
/// </summary>
public sealed class TelegramUpdatePoller
{
    private static readonly string[] AllowedUpdates = ["message"];
    private readonly ITelegramClient _client;
    private readonly ITelegramUpdateHandler _handler;
    private readonly TelegramBotOptions _options;
    private readonly IAsyncDelay _delay;
    private readonly ILogger _logger;
    private readonly Random _jitter;
    private readonly BackoffPolicy _backoff;
    private long? _offset;
    private long? _confirmed;
    private long _publishedOffset; // _offset for other threads; 0 = none (update ids are positive)

    /// <summary>Creates the poller. <paramref name="jitter"/> defaults to <see cref="Random.Shared"/>.</summary>
    public TelegramUpdatePoller(ITelegramClient client, ITelegramUpdateHandler handler, TelegramBotOptions options, IAsyncDelay delay,
        ILogger<TelegramUpdatePoller> logger, Random? jitter = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _delay = delay ?? throw new ArgumentNullException(nameof(delay));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _jitter = jitter ?? Random.Shared;
        _backoff = new BackoffPolicy(options.RetryBaseDelay, options.RetryMaxDelay);
    }

    /// <summary>The offset the next poll sends (last handled update id + 1); null before the first update.</summary>
    public long? NextOffset
    {
        get
        {
            var published = Interlocked.Read(ref _publishedOffset);
            return published == 0 ? null : published;
        }
    }

    /// <summary>Set when polling stopped on its own because Telegram rejected the token.</summary>
    public TelegramErrorKind? StoppedBy { get; private set; }

    /// <summary>
    /// Polls until <paramref name="cancellationToken"/> is cancelled (returns normally, after confirming handled
    /// updates) or Telegram rejects the token (returns with <see cref="StoppedBy"/> set). Never throws for API errors.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        int failures = 0;
        if (_options.DropPendingUpdatesOnStart && !await DropBacklogAsync(cancellationToken).ConfigureAwait(false)) return;
        _logger.PollingStarted(_offset, _options.PollTimeoutSeconds);
        while (!cancellationToken.IsCancellationRequested)
        {
            Update[] updates;
            var offset = _offset;
            try
            {
                updates = await _client.GetUpdatesAsync(new GetUpdatesRequest
                {
                    Offset = offset,
                    TimeoutSeconds = _options.PollTimeoutSeconds,
                    AllowedUpdates = AllowedUpdates,
                }, cancellationToken).ConfigureAwait(false);
                _confirmed = offset;
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                if (e is TelegramApiException { Kind: TelegramErrorKind.Unauthorized })
                {
                    _logger.TokenRejected("getUpdates");
                    StoppedBy = TelegramErrorKind.Unauthorized;
                    return;
                }
                if (!await BackOffAsync(++failures, e, cancellationToken).ConfigureAwait(false)) break;
                continue;
            }

            if (!await HandleAsync(updates, cancellationToken).ConfigureAwait(false)) break;
        }
        await ConfirmAsync().ConfigureAwait(false);
        _logger.PollingStopped(_offset);
    }

    private async Task<bool> HandleAsync(Update[] updates, CancellationToken cancellationToken)
    {
        Array.Sort(updates, static (a, b) => a.UpdateId.CompareTo(b.UpdateId));
        foreach (var update in updates)
        {
            if (_offset is { } next && update.UpdateId < next) continue; // already handled: never twice
            try
            {
                await _handler.HandleUpdateAsync(update, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false; // not handled: left unconfirmed
            }
            catch (Exception e)
            {
                _logger.UpdateHandlerFailed(update.UpdateId, e);
            }
            _offset = update.UpdateId + 1;
            Interlocked.Exchange(ref _publishedOffset, update.UpdateId + 1);
        }
        if (updates.Length > 0) _logger.UpdatesReceived(updates.Length, _offset ?? 0);
        return true;
    }

    private async Task<bool> BackOffAsync(int failures, Exception error, CancellationToken cancellationToken)
    {
        var wait = _backoff.Compute(Math.Min(failures, 16), _jitter.NextDouble());
        var api = error as TelegramApiException;
        if (api?.Kind == TelegramErrorKind.Conflict) _logger.ConflictingPoller((long)wait.TotalMilliseconds);
        else _logger.PollFailed(api?.Kind ?? TelegramErrorKind.Other, api?.ErrorCode, (long)wait.TotalMilliseconds);
        try
        {
            await _delay.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<bool> DropBacklogAsync(CancellationToken cancellationToken)
    {
        for (int failures = 0; ;)
        {
            try
            {
                var last = await _client.GetUpdatesAsync(new GetUpdatesRequest
                {
                    Offset = -1,
                    Limit = 1,
                    TimeoutSeconds = 0,
                    AllowedUpdates = AllowedUpdates,
                }, cancellationToken).ConfigureAwait(false);
                if (last.Length > 0)
                {
                    _offset = last[^1].UpdateId + 1;
                    Interlocked.Exchange(ref _publishedOffset, _offset.Value);
                    _logger.BacklogDropped(_offset.Value);
                }
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                if (e is TelegramApiException { Kind: TelegramErrorKind.Unauthorized })
                {
                    _logger.TokenRejected("getUpdates");
                    StoppedBy = TelegramErrorKind.Unauthorized;
                    return false;
                }
                if (!await BackOffAsync(++failures, e, cancellationToken).ConfigureAwait(false)) return false;
            }
        }
    }

    private async Task ConfirmAsync()
    {
        if (_offset is not { } offset || _confirmed == offset) return;
        // A short, independent deadline: stopping must not hang on Telegram.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _client.GetUpdatesAsync(new GetUpdatesRequest { Offset = offset, Limit = 1, TimeoutSeconds = 0, AllowedUpdates = AllowedUpdates },
                cts.Token).ConfigureAwait(false);
            _confirmed = offset;
        }
        catch (TelegramApiException e)
        {
            _logger.ConfirmOnStopFailed(e.Kind);
        }
        catch (OperationCanceledException)
        {
            _logger.ConfirmOnStopFailed(TelegramErrorKind.Network);
        }
    }
}
