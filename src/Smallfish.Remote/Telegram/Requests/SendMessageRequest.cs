using Smallfish.Remote.Telegram.Api;

namespace Smallfish.Remote.Telegram.Requests;

/// <summary>A <c>sendMessage</c> request.</summary>
/// <param name="ChatId">Target chat.</param>
/// <param name="Text">1-4096 characters after entity parsing, already escaped for <see cref="ParseMode"/>.</param>
public sealed record SendMessageRequest(long ChatId, string Text)
{
    /// <summary>How <see cref="Text"/> is parsed.</summary>
    public ParseMode ParseMode { get; init; } = ParseMode.Html;

    /// <summary>Suppress link previews (default true: status text never needs them).</summary>
    public bool DisableLinkPreview { get; init; } = true;

    /// <summary>Deliver silently.</summary>
    public bool DisableNotification { get; init; }
}
