using Microsoft.Extensions.Logging;
using Smallfish.Remote.Handling;
using Smallfish.Remote.Telegram.Client;
using Smallfish.Remote.Telegram.Commands;
using Smallfish.Remote.Telegram.Polling;
using Smallfish.Remote.Telegram.Requests;
using Smallfish.Remote.Telegram.Sending;
using Smallfish.Remote.Timing;

namespace Smallfish.Remote.Telegram;

/// <summary>
/// The Telegram remote control assembled: client, outbox, command router and poller. <see cref="RunAsync"/> learns the
/// bot's username (<c>getMe</c>) unless configured, registers the command menu (<c>setMyCommands</c>), then polls
/// and sends until stopped. A hosted service only has to call <see cref="RunAsync"/>; <see cref="Notify"/> pushes
/// alerts to the allowed chats.
/// </summary>
public sealed class TelegramRemoteControl
{
    private readonly ITelegramClient _client;
    private readonly TelegramBotOptions _options;
    private readonly IAsyncDelay _delay;
    private readonly ILogger _logger;
    private readonly Random _jitter;
    private readonly BackoffPolicy _backoff;

    /// <summary>Wires the parts together; nothing runs until <see cref="RunAsync"/>.</summary>
    public TelegramRemoteControl(ITelegramClient client, IRemoteCommandHandler handler, TelegramBotOptions options, TimeProvider time,
        IAsyncDelay delay, ILoggerFactory loggerFactory, Random? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _delay = delay ?? throw new ArgumentNullException(nameof(delay));
        _jitter = jitter ?? Random.Shared;
        _logger = loggerFactory.CreateLogger<TelegramRemoteControl>();
        _backoff = new BackoffPolicy(options.RetryBaseDelay, options.RetryMaxDelay);
        Outbox = new TelegramOutbox(client, options, time, delay, loggerFactory.CreateLogger<TelegramOutbox>());
        Router = new TelegramCommandRouter(Outbox, handler, options, time, loggerFactory.CreateLogger<TelegramCommandRouter>());
        Poller = new TelegramUpdatePoller(client, Router, options, delay, loggerFactory.CreateLogger<TelegramUpdatePoller>(), _jitter);
    }

    /// <summary>The outgoing queue.</summary>
    public TelegramOutbox Outbox { get; }

    /// <summary>The command router.</summary>
    public TelegramCommandRouter Router { get; }

    /// <summary>The update poller.</summary>
    public TelegramUpdatePoller Poller { get; }

    /// <summary>Queues <paramref name="reply"/> to every allowed chat (alerts); never blocks or throws.</summary>
    public bool Notify(RemoteReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var all = true;
        foreach (var chat in _options.AllowedChatIds)
        {
            foreach (var message in ReplyRenderer.Render(chat, reply)) all &= Outbox.Enqueue(message);
        }
        return all;
    }

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled, or until Telegram rejects the token (then it
    /// returns after a critical log line; trading is unaffected).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = Outbox.RunAsync(stop.Token);
        try
        {
            if (Router.BotUsername is null && !await IdentifyAsync(stop.Token).ConfigureAwait(false)) return;
            await RegisterCommandsAsync(stop.Token).ConfigureAwait(false);
            await Poller.RunAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await sending.ConfigureAwait(false);
        }
    }

    private async Task<bool> IdentifyAsync(CancellationToken cancellationToken)
    {
        for (int failures = 0; ;)
        {
            try
            {
                var me = await _client.GetMeAsync(cancellationToken).ConfigureAwait(false);
                Router.BotUsername = me.Username;
                _logger.BotIdentified(me.Username ?? "?");
                return true;
            }
            catch (TelegramApiException e) when (e.Kind == TelegramErrorKind.Unauthorized)
            {
                _logger.TokenRejected("getMe");
                return false;
            }
            catch (TelegramApiException e)
            {
                var wait = _backoff.Compute(Math.Min(++failures, 16), _jitter.NextDouble());
                _logger.PollFailed(e.Kind, e.ErrorCode, (long)wait.TotalMilliseconds);
                await _delay.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.SetMyCommandsAsync(new SetMyCommandsRequest(RemoteCommandCatalog.BotCommands), cancellationToken).ConfigureAwait(false);
        }
        catch (TelegramApiException e)
        {
            // The menu is a convenience; commands work without it.
            _logger.SetCommandsFailed(e.Kind, e.ErrorCode);
        }
    }
}
