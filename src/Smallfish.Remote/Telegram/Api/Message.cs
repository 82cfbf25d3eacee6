using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smallfish.Remote.Telegram.Api;

/// <summary>A Telegram message (Bot API <c>Message</c>; only the fields Smallfish reads, unknown keys are ignored).</summary>
public sealed class Message
{
    /// <summary>Identifier, unique within the chat.</summary>
    [JsonPropertyName("message_id")]
    public long MessageId { get; init; }

    /// <summary>Sender; absent for channel posts.</summary>
    [JsonPropertyName("from")]
    public User? From { get; init; }

    /// <summary>Set when the message was sent on behalf of a chat (anonymous admins, channels).</summary>
    [JsonPropertyName("sender_chat")]
    public Chat? SenderChat { get; init; }

    /// <summary>Send time, Unix seconds.</summary>
    [JsonPropertyName("date")]
    public long Date { get; init; }

    /// <summary>The chat the message belongs to; always present.</summary>
    [JsonPropertyName("chat")]
    public Chat Chat { get; init; } = new();

    /// <summary>Text of a text message.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Special spans in <see cref="Text"/>, including <c>bot_command</c>.</summary>
    [JsonPropertyName("entities")]
    public IReadOnlyList<MessageEntity>? Entities { get; init; }

    /// <summary>Present when the message was forwarded (any origin); forwarded messages are never commands.</summary>
    [JsonPropertyName("forward_origin")]
    public JsonElement? ForwardOrigin { get; init; }

    /// <summary>Photo sizes of a photo message (as sent by the bot); the last is the largest.</summary>
    [JsonPropertyName("photo")]
    public IReadOnlyList<PhotoSize>? Photo { get; init; }

    /// <summary><see cref="Date"/> as a UTC time.</summary>
    [JsonIgnore]
    public DateTimeOffset DateUtc => Date is >= MinUnixSeconds and <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(Date) : DateTimeOffset.MinValue;

    // The range DateTimeOffset can hold; a date outside it (only a hostile body has one) reads as MinValue: very old.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;
}
