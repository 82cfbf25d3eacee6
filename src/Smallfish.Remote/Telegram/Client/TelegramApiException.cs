namespace Smallfish.Remote.Telegram.Client;

/// <summary>
/// A failed Bot API call. The message names the method, the error code and Telegram's description; it never contains
/// the bot token (request URLs are not included, and any text that might hold the token is redacted to <c>bot***</c>).
/// </summary>
public sealed class TelegramApiException : Exception
{
    /// <summary>Creates the exception; callers pass an already-redacted message.</summary>
    public TelegramApiException(TelegramErrorKind kind, string method, string message, int? errorCode = null,
        string? description = null, int? retryAfterSeconds = null, long? migrateToChatId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Method = method;
        ErrorCode = errorCode;
        Description = description;
        RetryAfterSeconds = retryAfterSeconds;
        MigrateToChatId = migrateToChatId;
    }

    /// <summary>What went wrong, normalized.</summary>
    public TelegramErrorKind Kind { get; }

    /// <summary>The Bot API method, e.g. <c>sendMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Telegram's <c>error_code</c> (or the HTTP status), when there was an answer.</summary>
    public int? ErrorCode { get; }

    /// <summary>Telegram's <c>description</c>, redacted.</summary>
    public string? Description { get; }

    /// <summary>Flood control wait, seconds, when Telegram gave one.</summary>
    public int? RetryAfterSeconds { get; }

    /// <summary>The supergroup id a migrated group moved to.</summary>
    public long? MigrateToChatId { get; }

    /// <summary>True when repeating the same request later may succeed.</summary>
    public bool IsTransient => Kind is TelegramErrorKind.Network or TelegramErrorKind.ServerError or TelegramErrorKind.FloodControl;
}
