namespace Smallfish.Remote.Telegram.Sending;

/// <summary>
/// One message waiting in the <see cref="TelegramOutbox"/>: HTML text (or a photo with an HTML caption) plus the same
/// content as plain text, sent instead if Telegram rejects the markup.
/// </summary>
/// <param name="ChatId">Target chat.</param>
/// <param name="Html">Text or caption in Telegram HTML, every non-markup character escaped; within Telegram's limits.</param>
/// <param name="PlainText">The same content without markup.</param>
public sealed record OutgoingMessage(long ChatId, string Html, string PlainText)
{
    /// <summary>PNG bytes when this is a photo; <see cref="Html"/> is then the caption.</summary>
    public ReadOnlyMemory<byte>? Photo { get; init; }

    /// <summary>Deliver silently.</summary>
    public bool DisableNotification { get; init; }
}
