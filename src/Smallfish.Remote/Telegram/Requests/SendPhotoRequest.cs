using Smallfish.Remote.Telegram.Api;

namespace Smallfish.Remote.Telegram.Requests;

/// <summary>A <c>sendPhoto</c> request that uploads a new image (multipart/form-data).</summary>
/// <param name="ChatId">Target chat.</param>
/// <param name="Photo">The image bytes (PNG; at most 10 MB, width + height at most 10000).</param>
public sealed record SendPhotoRequest(long ChatId, ReadOnlyMemory<byte> Photo)
{
    /// <summary>File name announced in the upload.</summary>
    public string FileName { get; init; } = "chart.png";

    /// <summary>Media type of <see cref="Photo"/>.</summary>
    public string ContentType { get; init; } = "image/png";

    /// <summary>Optional caption, 0-1024 characters after parsing, escaped for <see cref="ParseMode"/>.</summary>
    public string? Caption { get; init; }

    /// <summary>How <see cref="Caption"/> is parsed.</summary>
    public ParseMode ParseMode { get; init; } = ParseMode.Html;

    /// <summary>Deliver silently.</summary>
    public bool DisableNotification { get; init; }
}
