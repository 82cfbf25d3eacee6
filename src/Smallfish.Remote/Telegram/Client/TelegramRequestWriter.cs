using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Smallfish.Remote.Telegram.Api;
using Smallfish.Remote.Telegram.Requests;

namespace Smallfish.Remote.Telegram.Client;

/// <summary>Writes Bot API request bodies: JSON for plain methods, multipart/form-data for uploads.</summary>
internal static class TelegramRequestWriter
{
    public static byte[] GetUpdates(GetUpdatesRequest request) => Write(w =>
    {
        if (request.Offset is { } offset) w.WriteNumber("offset", offset);
        if (request.Limit is { } limit) w.WriteNumber("limit", limit);
        w.WriteNumber("timeout", request.TimeoutSeconds);
        if (request.AllowedUpdates is { } allowed)
        {
            w.WriteStartArray("allowed_updates");
            foreach (var u in allowed) w.WriteStringValue(u);
            w.WriteEndArray();
        }
    });

    public static byte[] SendMessage(SendMessageRequest request) => Write(w =>
    {
        w.WriteNumber("chat_id", request.ChatId);
        w.WriteString("text", request.Text);
        if (ParseModeName(request.ParseMode) is { } mode) w.WriteString("parse_mode", mode);
        if (request.DisableLinkPreview)
        {
            w.WriteStartObject("link_preview_options");
            w.WriteBoolean("is_disabled", true);
            w.WriteEndObject();
        }
        if (request.DisableNotification) w.WriteBoolean("disable_notification", true);
    });

    public static byte[] SetMyCommands(SetMyCommandsRequest request) => Write(w =>
    {
        w.WriteStartArray("commands");
        foreach (var c in request.Commands)
        {
            w.WriteStartObject();
            w.WriteString("command", c.Command);
            w.WriteString("description", c.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static MultipartFormDataContent SendPhoto(SendPhotoRequest request)
    {
        var form = new MultipartFormDataContent("smallfish-" + Guid.NewGuid().ToString("N"));
        AddField(form, "chat_id", request.ChatId.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(request.Caption))
        {
            AddField(form, "caption", request.Caption);
            if (ParseModeName(request.ParseMode) is { } mode) AddField(form, "parse_mode", mode);
        }
        if (request.DisableNotification) AddField(form, "disable_notification", "true");
        var photo = new ReadOnlyMemoryContent(request.Photo);
        photo.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = "\"photo\"",
            FileName = "\"" + SafeFileName(request.FileName) + "\"",
        };
        photo.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType);
        form.Add(photo);
        return form;
    }

    public static string? ParseModeName(ParseMode mode) => mode switch
    {
        ParseMode.Html => "HTML",
        ParseMode.MarkdownV2 => "MarkdownV2",
        _ => null,
    };

    private static void AddField(MultipartFormDataContent form, string name, string value)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"" + name + "\"" };
        form.Add(part);
    }

    private static string SafeFileName(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        return sb.Length == 0 ? "file" : sb.ToString();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
