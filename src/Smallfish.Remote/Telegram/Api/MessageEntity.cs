using System.Text.Json.Serialization;

namespace Smallfish.Remote.Telegram.Api;

/// <summary>A special span in a message text (Bot API <c>MessageEntity</c>).</summary>
public sealed class MessageEntity
{
    /// <summary>Entity type, e.g. <c>bot_command</c>, <c>bold</c>, <c>code</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>Start of the span in UTF-16 code units.</summary>
    [JsonPropertyName("offset")]
    public int Offset { get; init; }

    /// <summary>Length of the span in UTF-16 code units.</summary>
    [JsonPropertyName("length")]
    public int Length { get; init; }
}
