using Microsoft.Extensions.Logging;
using Smallfish.Remote.Telegram.Client;

namespace Smallfish.Remote.Telegram;

/// <summary>
/// Source-generated log messages of the Telegram remote control (event ids 7000-7099). Templates carry method names,
/// chat ids and error codes; never URLs (the token is part of the URL path) and never message bodies.
/// </summary>
internal static partial class TelegramLog
{
    public const int StrangerChatIgnoredId = 7020;
    public const int StrangerUserIgnoredId = 7029;

    [LoggerMessage(7000, LogLevel.Debug, "Telegram {Method} attempt {Attempt}")]
    public static partial void ApiCall(this ILogger logger, string method, int attempt);

    [LoggerMessage(7001, LogLevel.Warning, "Telegram {Method}: flood control (429), waiting {RetryAfterSeconds} s before retry {Attempt}")]
    public static partial void FloodControl(this ILogger logger, string method, int retryAfterSeconds, int attempt);

    [LoggerMessage(7002, LogLevel.Warning, "Telegram {Method}: transient failure {Kind} (code {ErrorCode}), retry {Attempt} in {DelayMs} ms")]
    public static partial void TransientFailure(this ILogger logger, string method, TelegramErrorKind kind, int? errorCode, int attempt, long delayMs);

    [LoggerMessage(7003, LogLevel.Warning, "Telegram {Method} failed: {Kind} (code {ErrorCode}) {Description}")]
    public static partial void ApiCallFailed(this ILogger logger, string method, TelegramErrorKind kind, int? errorCode, string? description);

    [LoggerMessage(7010, LogLevel.Information, "Telegram polling started (offset {Offset}, long-poll {TimeoutSeconds} s)")]
    public static partial void PollingStarted(this ILogger logger, long? offset, int timeoutSeconds);

    [LoggerMessage(7011, LogLevel.Information, "Telegram backlog discarded: polling resumes at update {Offset}")]
    public static partial void BacklogDropped(this ILogger logger, long offset);

    [LoggerMessage(7012, LogLevel.Critical, "Telegram rejected the bot token (401 Unauthorized) during {Method}: remote control stopped; fix Telegram:BotToken")]
    public static partial void TokenRejected(this ILogger logger, string method);

    [LoggerMessage(7013, LogLevel.Error, "Telegram 409 Conflict: another getUpdates poller or a webhook uses this bot token; polling again in {DelayMs} ms")]
    public static partial void ConflictingPoller(this ILogger logger, long delayMs);

    [LoggerMessage(7014, LogLevel.Warning, "Telegram polling failed: {Kind} (code {ErrorCode}); polling again in {DelayMs} ms")]
    public static partial void PollFailed(this ILogger logger, TelegramErrorKind kind, int? errorCode, long delayMs);

    [LoggerMessage(7015, LogLevel.Error, "Telegram update {UpdateId} could not be handled; skipped")]
    public static partial void UpdateHandlerFailed(this ILogger logger, long updateId, Exception exception);

    [LoggerMessage(7016, LogLevel.Debug, "Telegram received {Count} updates; next offset {Offset}")]
    public static partial void UpdatesReceived(this ILogger logger, int count, long offset);

    [LoggerMessage(7017, LogLevel.Warning, "Telegram could not confirm processed updates on stop: {Kind}")]
    public static partial void ConfirmOnStopFailed(this ILogger logger, TelegramErrorKind kind);

    [LoggerMessage(7018, LogLevel.Information, "Telegram polling stopped (next offset {Offset})")]
    public static partial void PollingStopped(this ILogger logger, long? offset);

    [LoggerMessage(StrangerChatIgnoredId, LogLevel.Warning, "Telegram: ignoring messages from chat {ChatId} ({ChatType}), which is not an allowed chat (logged once per chat)")]
    public static partial void StrangerChatIgnored(this ILogger logger, long chatId, string chatType);

    [LoggerMessage(7021, LogLevel.Warning, "Telegram: more than {Limit} unknown chats or users have written to the bot; no longer logging new ones")]
    public static partial void TooManyStrangers(this ILogger logger, int limit);

    [LoggerMessage(7022, LogLevel.Information, "Telegram command /{Command} from chat {ChatId}")]
    public static partial void CommandReceived(this ILogger logger, string command, long chatId);

    [LoggerMessage(7023, LogLevel.Information, "Telegram command /{Command} from chat {ChatId} ignored: sent {AgeSeconds} s ago")]
    public static partial void StaleCommandIgnored(this ILogger logger, string command, long chatId, long ageSeconds);

    [LoggerMessage(7024, LogLevel.Warning, "Telegram /{Command} requested by user {UserId} in chat {ChatId}: waiting for confirmation")]
    public static partial void DangerousCommandRequested(this ILogger logger, string command, long chatId, long userId);

    [LoggerMessage(7025, LogLevel.Warning, "Telegram /{Command} confirmed by user {UserId} in chat {ChatId}")]
    public static partial void DangerousCommandConfirmed(this ILogger logger, string command, long chatId, long userId);

    [LoggerMessage(7026, LogLevel.Error, "Telegram command /{Command} failed in its handler")]
    public static partial void CommandHandlerFailed(this ILogger logger, string command, Exception exception);

    [LoggerMessage(7027, LogLevel.Debug, "Telegram command addressed to another bot (@{BotName}) ignored")]
    public static partial void ForeignBotCommandIgnored(this ILogger logger, string botName);

    [LoggerMessage(StrangerUserIgnoredId, LogLevel.Warning, "Telegram: ignoring user {UserId} in allowed chat {ChatId}: not an allowed user (logged once per user)")]
    public static partial void StrangerUserIgnored(this ILogger logger, long userId, long chatId);

    [LoggerMessage(7030, LogLevel.Warning, "Telegram outbox full ({Capacity}); message to chat {ChatId} dropped")]
    public static partial void OutboxFull(this ILogger logger, int capacity, long chatId);

    [LoggerMessage(7031, LogLevel.Error, "Telegram {Method} to chat {ChatId} failed: {Kind} (code {ErrorCode}); message dropped")]
    public static partial void SendFailed(this ILogger logger, string method, long chatId, TelegramErrorKind kind, int? errorCode);

    [LoggerMessage(7032, LogLevel.Warning, "Telegram rejected the markup of a message to chat {ChatId}; resending as plain text")]
    public static partial void MarkupRejected(this ILogger logger, long chatId);

    [LoggerMessage(7033, LogLevel.Debug, "Telegram {Method} delivered to chat {ChatId}")]
    public static partial void Sent(this ILogger logger, string method, long chatId);

    [LoggerMessage(7034, LogLevel.Error, "Telegram outbox: unexpected failure sending to chat {ChatId}; message dropped")]
    public static partial void SendCrashed(this ILogger logger, long chatId, Exception exception);

    [LoggerMessage(7040, LogLevel.Information, "Telegram bot @{Username} connected")]
    public static partial void BotIdentified(this ILogger logger, string username);

    [LoggerMessage(7041, LogLevel.Warning, "Telegram could not register the command menu: {Kind} (code {ErrorCode})")]
    public static partial void SetCommandsFailed(this ILogger logger, TelegramErrorKind kind, int? errorCode);
}
