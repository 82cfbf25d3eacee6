using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Smallfish.Remote.Telegram.Api;
using Smallfish.Remote.Telegram.Client;
using Smallfish.Remote.Telegram.Requests;
using Smallfish.Remote.Timing;

namespace Smallfish.Remote.Telegram.Sending;

/// <summary>
/// The outgoing message queue: a bounded channel drained by <see cref="RunAsync"/>, which paces sends with a
/// <see cref="TelegramRateLimiter"/> (about 1/s per chat, 30/s overall) and sends through the
/// <see cref="ITelegramClient"/> (which itself honours 429 <c>retry_after</c>). Messages go out in the order they were
/// queued. A message that cannot be delivered is logged and dropped; a markup rejection is resent once as plain text.
/// </summary>
public sealed class TelegramOutbox : ITelegramOutbox
{
    private readonly ITelegramClient _client;
    private readonly TimeProvider _time;
    private readonly IAsyncDelay _delay;
    private readonly ILogger _logger;
    private readonly TelegramRateLimiter _limiter;
    private readonly Channel<OutgoingMessage> _queue;
    private readonly int _capacity;
    private readonly long _origin;

    /// <summary>Creates the outbox; nothing is sent until <see cref="RunAsync"/> runs.</summary>
    public TelegramOutbox(ITelegramClient client, TelegramBotOptions options, TimeProvider time, IAsyncDelay delay, ILogger<TelegramOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _delay = delay ?? throw new ArgumentNullException(nameof(delay));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _limiter = new TelegramRateLimiter(options.PerChatMessageInterval, options.GlobalMessagesPerSecond);
        _capacity = options.OutboxCapacity;
        _queue = Channel.CreateBounded<OutgoingMessage>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of waiting: callers never block.
        });
        _origin = time.GetTimestamp();
    }

    /// <inheritdoc />
    public bool Enqueue(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_queue.Writer.TryWrite(message)) return true;
        _logger.OutboxFull(_capacity, message.ChatId);
        return false;
    }

    /// <summary>Sends queued messages until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var message))
                {
                    var wait = _limiter.GetWait(message.ChatId, Now);
                    if (wait > TimeSpan.Zero) await _delay.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
                    _limiter.RecordSend(message.ChatId, Now);
                    await SendAsync(message, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: whatever is still queued is dropped with the process.
        }
    }

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    private async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var method = message.Photo is null ? "sendMessage" : "sendPhoto";
        try
        {
            try
            {
                await SendOnceAsync(message, message.Html, ParseMode.Html, cancellationToken).ConfigureAwait(false);
            }
            catch (TelegramApiException e) when (e.Kind == TelegramErrorKind.BadRequest && IsMarkupError(e))
            {
                _logger.MarkupRejected(message.ChatId);
                await SendOnceAsync(message, message.PlainText, ParseMode.None, cancellationToken).ConfigureAwait(false);
            }
            _logger.Sent(method, message.ChatId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TelegramApiException e)
        {
            _logger.SendFailed(method, message.ChatId, e.Kind, e.ErrorCode);
        }
        catch (Exception e)
        {
            _logger.SendCrashed(message.ChatId, e);
        }
    }

    private Task SendOnceAsync(OutgoingMessage message, string text, ParseMode mode, CancellationToken cancellationToken)
    {
        if (message.Photo is { } photo)
        {
            return _client.SendPhotoAsync(new SendPhotoRequest(message.ChatId, photo)
            {
                Caption = text.Length == 0 ? null : text,
                ParseMode = mode,
                DisableNotification = message.DisableNotification,
            }, cancellationToken);
        }
        return _client.SendMessageAsync(new SendMessageRequest(message.ChatId, text)
        {
            ParseMode = mode,
            DisableNotification = message.DisableNotification,
        }, cancellationToken);
    }

    private static bool IsMarkupError(TelegramApiException e) =>
        e.Description is { } d && d.Contains("parse entities", StringComparison.OrdinalIgnoreCase);
}
