using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Smallfish.Remote.Handling;
using Smallfish.Remote.Telegram.Api;
using Smallfish.Remote.Telegram.Polling;
using Smallfish.Remote.Telegram.Sending;

namespace Smallfish.Remote.Telegram.Commands;

/// <summary>
/// Turns incoming updates into remote commands and replies.
/// <list type="bullet">
/// <item>Obeys only <see cref="TelegramBotOptions.AllowedChatIds"/> (and, when set, <see cref="TelegramBotOptions.AllowedUserIds"/>).
/// Anything else gets no reply at all (no "access denied" oracle) and is logged once per chat or user.</item>
/// <item>Ignores edited messages, channel posts, forwarded messages, messages from bots, commands addressed to another
/// bot (<c>/status@other_bot</c>) and commands older than <see cref="TelegramBotOptions.MaxCommandAge"/>.</item>
/// <item><c>/kill</c> and <c>/resume</c> need a second message: the bot answers "send /kill confirm within 60 s", and only
/// <c>/kill confirm</c> from the same chat inside that window calls the handler. A text confirmation was chosen over an
/// inline keyboard: it needs no callback queries (only <c>message</c> updates are requested) and reads clearly in the
/// chat history.</item>
/// </list>
/// Replies go to the chat the command came from, through the <see cref="ITelegramOutbox"/>.
/// </summary>
public sealed class TelegramCommandRouter : ITelegramUpdateHandler
{
    private const int DefaultTradeCount = 10;
    private const int MaxTradeCount = 50;

    private readonly ITelegramOutbox _outbox;
    private readonly IRemoteCommandHandler _handler;
    private readonly TelegramBotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HashSet<long> _allowedChats;
    private readonly HashSet<long> _allowedUsers;
    private readonly StrangerRegistry _strangers = new();
    private readonly PendingConfirmations _pending = new();
    private volatile string? _botUsername;

    /// <summary>Creates the router.</summary>
    public TelegramCommandRouter(ITelegramOutbox outbox, IRemoteCommandHandler handler, TelegramBotOptions options, TimeProvider time,
        ILogger<TelegramCommandRouter> logger)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _allowedChats = new HashSet<long>(options.AllowedChatIds);
        _allowedUsers = new HashSet<long>(options.AllowedUserIds);
        _botUsername = string.IsNullOrWhiteSpace(options.BotUsername) ? null : options.BotUsername.TrimStart('@');
    }

    /// <summary>
    /// The bot's username; <c>/cmd@name</c> is obeyed only when name matches (case-insensitive). While unknown, any
    /// suffix is accepted (the allowed chat is still enforced).
    /// </summary>
    public string? BotUsername
    {
        get => _botUsername;
        set => _botUsername = string.IsNullOrWhiteSpace(value) ? null : value.TrimStart('@');
    }

    /// <inheritdoc />
    public async Task HandleUpdateAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var message = update.Message;
        if (message is null) return;

        var chat = message.Chat;
        if (!_allowedChats.Contains(chat.Id))
        {
            if (_strangers.FirstSightOfChat(chat.Id, out var limitReached)) _logger.StrangerChatIgnored(chat.Id, chat.Type);
            else if (limitReached) _logger.TooManyStrangers(StrangerRegistry.Limit);
            return;
        }
        if (_allowedUsers.Count > 0 && (message.From is null || !_allowedUsers.Contains(message.From.Id)))
        {
            var userId = message.From?.Id ?? 0;
            if (_strangers.FirstSightOfUser(userId, out var limitReached)) _logger.StrangerUserIgnored(userId, chat.Id);
            else if (limitReached) _logger.TooManyStrangers(StrangerRegistry.Limit);
            return;
        }
        if (message.ForwardOrigin is not null || message.From is { IsBot: true }) return;

        var command = BotCommandParser.Parse(message);
        if (command is null) return;
        if (command.TargetBot is { } target && _botUsername is { } me && !string.Equals(target, me, StringComparison.OrdinalIgnoreCase))
        {
            _logger.ForeignBotCommandIgnored(target);
            return;
        }
        var age = _time.GetUtcNow() - message.DateUtc;
        if (age > _options.MaxCommandAge)
        {
            _logger.StaleCommandIgnored(command.Name, chat.Id, (long)age.TotalSeconds);
            return;
        }

        _logger.CommandReceived(command.Name, chat.Id);
        var requester = new RemoteRequester("telegram", chat.Id, message.From?.Id ?? 0, message.From?.Username);
        RemoteReply reply;
        try
        {
            reply = await DispatchAsync(command, requester, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The exception text stays in the log: it could carry anything, and the chat is not the place for it.
            _logger.CommandHandlerFailed(command.Name, e);
            reply = RemoteReply.Plain($"/{command.Name} failed; details are in the service log.");
        }
        foreach (var outgoing in ReplyRenderer.Render(chat.Id, reply)) _outbox.Enqueue(outgoing);
    }

    private async ValueTask<RemoteReply> DispatchAsync(ParsedCommand command, RemoteRequester requester, CancellationToken ct) => command.Command switch
    {
        RemoteCommand.Status => await _handler.GetStatusAsync(ct).ConfigureAwait(false),
        RemoteCommand.Trades => await _handler.GetTradesAsync(TradeCount(command), ct).ConfigureAwait(false),
        RemoteCommand.Equity => await _handler.GetEquityAsync(ct).ConfigureAwait(false),
        RemoteCommand.Grid => await _handler.GetGridAsync(ct).ConfigureAwait(false),
        RemoteCommand.Config => await _handler.GetConfigAsync(ct).ConfigureAwait(false),
        RemoteCommand.Kill or RemoteCommand.Resume => await ConfirmedAsync(command, requester, ct).ConfigureAwait(false),
        RemoteCommand.Help => Help(),
        _ => RemoteReply.Plain($"Unknown command /{command.Name}. Send /help for the list."),
    };

    private async ValueTask<RemoteReply> ConfirmedAsync(ParsedCommand command, RemoteRequester requester, CancellationToken ct)
    {
        var seconds = ((int)Math.Ceiling(_options.ConfirmationWindow.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var name = command.Name;
        var what = command.Command == RemoteCommand.Kill ? "trigger the kill switch" : "reset the kill switch and resume trading";
        if (command.Arguments.Count == 0)
        {
            _pending.Request(requester.ChatId, command.Command, _time.GetUtcNow() + _options.ConfirmationWindow);
            _logger.DangerousCommandRequested(name, requester.ChatId, requester.UserId);
            return RemoteReply.Plain($"Send /{name} confirm within {seconds} s to {what}.", "Confirmation needed");
        }
        if (command.Arguments.Count == 1 && string.Equals(command.Arguments[0], "confirm", StringComparison.OrdinalIgnoreCase))
        {
            if (!_pending.TryConfirm(requester.ChatId, command.Command, _time.GetUtcNow()))
                return RemoteReply.Plain($"Nothing to confirm: send /{name} first, then /{name} confirm within {seconds} s.");
            _logger.DangerousCommandConfirmed(name, requester.ChatId, requester.UserId);
            return command.Command == RemoteCommand.Kill
                ? await _handler.KillAsync(requester, ct).ConfigureAwait(false)
                : await _handler.ResumeAsync(requester, ct).ConfigureAwait(false);
        }
        return RemoteReply.Plain($"Usage: /{name}, then /{name} confirm within {seconds} s.");
    }

    private static int TradeCount(ParsedCommand command)
    {
        if (command.Arguments.Count > 0 && int.TryParse(command.Arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            return Math.Min(n, MaxTradeCount);
        return DefaultTradeCount;
    }

    private RemoteReply Help()
    {
        var sb = new StringBuilder();
        foreach (var (_, name, description) in RemoteCommandCatalog.Entries) sb.Append('/').Append(name).Append(" - ").Append(description).Append('\n');
        var seconds = ((int)Math.Ceiling(_options.ConfirmationWindow.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        sb.Append("/kill and /resume act only after /kill confirm or /resume confirm within ").Append(seconds).Append(" s.");
        return RemoteReply.Plain(sb.ToString(), "Smallfish commands");
    }
}
