using System.Text.Json.Serialization;

namespace Smallfish.Remote.Telegram.Api;

/// <summary>One size of a photo (Bot API <c>PhotoSize</c>).</summary>
public sealed class PhotoSize
{
    /// <summary>Identifier that can be used to resend the file.</summary>
    [JsonPropertyName("file_id")]
    public string FileId { get; init; } = "";

    /// <summary>Width in pixels.</summary>
    [JsonPropertyName("width")]
    public int Width { get; init; }

    /// <summary>Height in pixels.</summary>
    [JsonPropertyName("height")]
    public int Height { get; init; }
}
