namespace Smallfish.Remote.Telegram.Client;

/// <summary>Normalized reasons a Bot API call failed.</summary>
public enum TelegramErrorKind
{
    /// <summary>No answer: connection refused or reset, DNS, TLS, or the request timed out. Transient.</summary>
    Network,

    /// <summary>5xx: Telegram's side. Transient.</summary>
    ServerError,

    /// <summary>429 flood control, still throttled after the configured retries. Transient.</summary>
    FloodControl,

    /// <summary>400: the request is wrong (markup, chat not found, too long, group migrated).</summary>
    BadRequest,

    /// <summary>401: the token is wrong or revoked. Stop: retrying cannot help.</summary>
    Unauthorized,

    /// <summary>403: the bot was blocked or is not a member of the chat.</summary>
    Forbidden,

    /// <summary>404: wrong method name or malformed token.</summary>
    NotFound,

    /// <summary>409: another getUpdates poller (a second instance) or a webhook is active for this token.</summary>
    Conflict,

    /// <summary>The answer was not a Bot API envelope.</summary>
    InvalidResponse,

    /// <summary>Any other error code.</summary>
    Other,
}
