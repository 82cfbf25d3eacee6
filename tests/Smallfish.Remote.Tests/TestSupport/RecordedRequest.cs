using System.Globalization;
using System.Text.Json;

namespace Smallfish.Remote.Tests.TestSupport;

/// <summary>A request the fake Bot API received, with the simulated clock time at receipt.</summary>
internal sealed record RecordedRequest(
    string Method,
    bool TokenValid,
    DateTimeOffset ClockTime,
    JsonElement? Json,
    IReadOnlyDictionary<string, string> Form,
    byte[]? File,
    string? FileName,
    string? FileContentType,
    string? ContentDisposition)
{
    public long ChatId => Json is { } j && j.TryGetProperty("chat_id", out var c)
        ? c.GetInt64()
        : long.Parse(Form["chat_id"], CultureInfo.InvariantCulture);

    public string? Text => Json is { } j && j.TryGetProperty("text", out var t) ? t.GetString() : Form.GetValueOrDefault("caption");

    public string? ParseMode => Json is { } j && j.TryGetProperty("parse_mode", out var p) ? p.GetString() : Form.GetValueOrDefault("parse_mode");

    public long? Offset => Json is { } j && j.TryGetProperty("offset", out var o) ? o.GetInt64() : null;
}
