using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Time;

namespace Smallfish.Remote.Tests.TestSupport;

/// <summary>
/// A fake Telegram Bot API on a real Kestrel socket (127.0.0.1, port 0) speaking the documented JSON: the
/// <c>/bot&lt;token&gt;/&lt;method&gt;</c> paths, the <c>{ok, result | error_code, description, parameters}</c>
/// envelope, getUpdates offset semantics (positive offset confirms and deletes earlier updates, negative keeps the
/// last n) with a short long-poll, HTML entity checking on sendMessage ("can't parse entities"), multipart sendPhoto
/// with PNG validation, setMyCommands name rules, and scripted failures (429 retry_after, 409, 400...).
/// </summary>
internal sealed class FakeTelegramServer : IAsyncDisposable
{
    public const string Token = "123456789:AAHs3cr3tT0kenForTestsOnly_0123456789";
    public const string SecretPart = "AAHs3cr3tT0kenForTestsOnly_0123456789";
    public const string BotUsername = "smallfish_bot";

    private static readonly HashSet<string> AllowedTags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a", "tg-spoiler", "blockquote", "span"];
    private readonly WebApplication _app;
    private readonly SimulatedClock _clock;
    private readonly object _gate = new();
    private readonly List<JsonObject> _updates = new();
    private readonly List<RecordedRequest> _requests = new();
    private readonly Dictionary<string, Queue<(int Status, string Body)>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private long _nextUpdateId = 871234501;
    private long _nextMessageId = 1000;
    private TaskCompletionSource _updateArrived = NewSignal();
    private TaskCompletionSource _requestArrived = NewSignal();

    private FakeTelegramServer(WebApplication app, SimulatedClock clock)
    {
        _app = app;
        _clock = clock;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How long an empty long poll is held (real time) before answering [].</summary>
    public TimeSpan LongPollCap { get; set; } = TimeSpan.FromMilliseconds(250);

    public static async Task<FakeTelegramServer> StartAsync(SimulatedClock clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeTelegramServer(app, clock);
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_gate) return [.. _requests]; } }

    public IReadOnlyList<RecordedRequest> Sent(string method) =>
        Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)).ToList();

    public int PendingUpdates { get { lock (_gate) return _updates.Count; } }

    /// <summary>Queues a text message from <paramref name="chatId"/>, dated now on the simulated clock.</summary>
    public long EnqueueMessage(long chatId, string text, long? fromId = null, string chatType = "private", DateTimeOffset? date = null)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            var message = new JsonObject
            {
                ["message_id"] = _nextMessageId++,
                ["from"] = new JsonObject { ["id"] = fromId ?? chatId, ["is_bot"] = false, ["first_name"] = "Op", ["username"] = "op_user" },
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["first_name"] = "Op" },
                ["date"] = (date ?? _clock.GetUtcNow()).ToUnixTimeSeconds(),
                ["text"] = text,
            };
            if (text.StartsWith('/'))
            {
                var end = text.IndexOf(' ', StringComparison.Ordinal);
                message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = end < 0 ? text.Length : end, ["type"] = "bot_command" });
            }
            AddUpdate(new JsonObject { ["update_id"] = id, ["message"] = message });
            return id;
        }
    }

    /// <summary>Queues updates exactly as given (e.g. from the fixture file).</summary>
    public void EnqueueRaw(IEnumerable<JsonNode> updates)
    {
        lock (_gate)
        {
            foreach (var u in updates)
            {
                var obj = u.DeepClone().AsObject();
                _nextUpdateId = Math.Max(_nextUpdateId, obj["update_id"]!.GetValue<long>() + 1);
                AddUpdate(obj);
            }
        }
    }

    /// <summary>The next call of <paramref name="method"/> answers with exactly this status and body (scripted failures, fixture bodies).</summary>
    public void RespondNext(string method, int status, string body)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(method, out var queue)) _failures[method] = queue = new Queue<(int, string)>();
            queue.Enqueue((status, body));
        }
    }

    /// <summary>The next call of <paramref name="method"/> answers with a response from error_responses.json.</summary>
    public void RespondNextWithFixture(string method, string key)
    {
        var body = TestPaths.TelegramFixture("error_responses.json")[key]!;
        RespondNext(method, body["error_code"]!.GetValue<int>(), body.ToJsonString());
    }

    /// <summary>Waits (real time, guarded) until <paramref name="condition"/> holds over the recorded requests.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitUntilAsync(Func<IReadOnlyList<RecordedRequest>, bool> condition, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? Waiting.Guard);
        while (true)
        {
            Task signal;
            List<RecordedRequest> snapshot;
            lock (_gate)
            {
                snapshot = [.. _requests];
                signal = _requestArrived.Task;
            }
            if (condition(snapshot)) return snapshot;
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) Assert.Fail("the fake Telegram server never saw the expected requests; saw: " + string.Join(", ", snapshot.Select(r => r.Method)));
            await Task.WhenAny(signal, Task.Delay(remaining));
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests of <paramref name="method"/> matched <paramref name="filter"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(string method, int count, Func<RecordedRequest, bool>? filter = null)
    {
        bool Match(RecordedRequest r) => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && (filter?.Invoke(r) ?? true);
        var all = await WaitUntilAsync(rs => rs.Count(Match) >= count);
        return all.Where(Match).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void AddUpdate(JsonObject update)
    {
        _updates.Add(update);
        var s = _updateArrived;
        _updateArrived = NewSignal();
        s.TrySetResult();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var token = (string)ctx.Request.RouteValues["token"]!;
        var method = ((string)ctx.Request.RouteValues["method"]!).ToLowerInvariant();
        JsonElement? json = null;
        var form = new Dictionary<string, string>();
        byte[]? file = null;
        string? fileName = null, fileType = null, disposition = null;
        if (ctx.Request.HasFormContentType)
        {
            var f = await ctx.Request.ReadFormAsync();
            foreach (var kv in f) form[kv.Key] = kv.Value.ToString();
            if (f.Files["photo"] is { } photo)
            {
                using var ms = new MemoryStream();
                await photo.CopyToAsync(ms);
                file = ms.ToArray();
                fileName = photo.FileName;
                fileType = photo.ContentType;
                disposition = photo.ContentDisposition;
            }
        }
        else
        {
            using var ms = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(ms);
            if (ms.Length > 0) json = JsonDocument.Parse(ms.ToArray()).RootElement.Clone();
        }

        var record = new RecordedRequest(method, token == Token, _clock.GetUtcNow(), json, form, file, fileName, fileType, disposition);
        (int Status, string Body)? failure = null;
        lock (_gate)
        {
            _requests.Add(record);
            var s = _requestArrived;
            _requestArrived = NewSignal();
            s.TrySetResult();
            if (record.TokenValid && _failures.TryGetValue(method, out var queue) && queue.Count > 0) failure = queue.Dequeue();
        }
        if (!record.TokenValid)
        {
            await Write(ctx, 401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""");
            return;
        }
        if (failure is { } fail)
        {
            await Write(ctx, fail.Status, fail.Body);
            return;
        }

        switch (method)
        {
            case "getme":
                await Ok(ctx, new JsonObject { ["id"] = 5550001, ["is_bot"] = true, ["first_name"] = "Smallfish", ["username"] = BotUsername });
                break;
            case "getupdates":
                await GetUpdatesAsync(ctx, json);
                break;
            case "sendmessage":
                await SendMessageAsync(ctx, record);
                break;
            case "sendphoto":
                await SendPhotoAsync(ctx, record);
                break;
            case "setmycommands":
                await SetMyCommandsAsync(ctx, json);
                break;
            default:
                await Write(ctx, 404, """{"ok":false,"error_code":404,"description":"Not Found"}""");
                break;
        }
    }

    private async Task GetUpdatesAsync(HttpContext ctx, JsonElement? json)
    {
        long? offset = json is { } j && j.TryGetProperty("offset", out var o) ? o.GetInt64() : null;
        int limit = json is { } j2 && j2.TryGetProperty("limit", out var l) ? l.GetInt32() : 100;
        int timeout = json is { } j3 && j3.TryGetProperty("timeout", out var t) ? t.GetInt32() : 0;
        var batch = Take(offset, limit, out var signal);
        if (batch.Count == 0 && timeout > 0)
        {
            try
            {
                await Task.WhenAny(signal, Task.Delay(LongPollCap, ctx.RequestAborted));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            batch = Take(offset, limit, out _);
        }
        var result = new JsonArray();
        foreach (var u in batch) result.Add(u);
        await Ok(ctx, result);
    }

    private List<JsonNode> Take(long? offset, int limit, out Task signal)
    {
        lock (_gate)
        {
            signal = _updateArrived.Task;
            if (offset > 0) _updates.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset.Value);
            else if (offset < 0 && _updates.Count > -offset.Value) _updates.RemoveRange(0, _updates.Count - (int)-offset.Value);
            return _updates.Take(limit).Select(u => u.DeepClone()).ToList();
        }
    }

    private async Task SendMessageAsync(HttpContext ctx, RecordedRequest record)
    {
        var text = record.Text;
        if (string.IsNullOrEmpty(text))
        {
            await BadRequest(ctx, "message text is empty");
            return;
        }
        if (record.ParseMode == "HTML" && ParseHtml(text) is { Error: { } error })
        {
            await BadRequest(ctx, "can't parse entities: " + error);
            return;
        }
        var visible = record.ParseMode == "HTML" ? ParseHtml(text).Visible : text;
        if (visible.Length > 4096)
        {
            await BadRequest(ctx, "message is too long");
            return;
        }
        await Ok(ctx, MessageJson(record.ChatId, new JsonObject { ["text"] = visible }));
    }

    private async Task SendPhotoAsync(HttpContext ctx, RecordedRequest record)
    {
        if (record.File is null)
        {
            await BadRequest(ctx, "there is no photo in the request");
            return;
        }
        DecodedPng png;
        try
        {
            png = PngVerifier.Decode(record.File);
        }
        catch (InvalidDataException)
        {
            await BadRequest(ctx, "IMAGE_PROCESS_FAILED");
            return;
        }
        if (record.ParseMode == "HTML" && record.Text is { } caption && ParseHtml(caption) is { Error: { } error })
        {
            await BadRequest(ctx, "can't parse entities: " + error);
            return;
        }
        var photo = new JsonArray(new JsonObject { ["file_id"] = "AgAC" + Guid.NewGuid().ToString("N"), ["width"] = png.Width, ["height"] = png.Height });
        await Ok(ctx, MessageJson(record.ChatId, new JsonObject { ["photo"] = photo }));
    }

    private static async Task SetMyCommandsAsync(HttpContext ctx, JsonElement? json)
    {
        if (json is not { } j || !j.TryGetProperty("commands", out var commands) || commands.GetArrayLength() is 0 or > 100)
        {
            await BadRequest(ctx, "commands are required");
            return;
        }
        foreach (var c in commands.EnumerateArray())
        {
            var name = c.GetProperty("command").GetString() ?? "";
            var description = c.GetProperty("description").GetString() ?? "";
            if (name.Length is 0 or > 32 || name.Any(ch => !(ch is >= 'a' and <= 'z' or >= '0' and <= '9' or '_')) || description.Length is 0 or > 256)
            {
                await BadRequest(ctx, "BOT_COMMAND_INVALID");
                return;
            }
        }
        await Ok(ctx, JsonValue.Create(true));
    }

    private JsonObject MessageJson(long chatId, JsonObject extra)
    {
        long id;
        lock (_gate) id = _nextMessageId++;
        var message = new JsonObject
        {
            ["message_id"] = id,
            ["from"] = new JsonObject { ["id"] = 5550001, ["is_bot"] = true, ["first_name"] = "Smallfish", ["username"] = BotUsername },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
            ["date"] = _clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        foreach (var (k, v) in extra.ToList())
        {
            extra.Remove(k);
            message[k] = v;
        }
        return message;
    }

    /// <summary>Telegram-like HTML check: only supported tags, balanced; &lt; &gt; &amp; escaped; returns the visible text.</summary>
    internal static (string Visible, string? Error) ParseHtml(string text)
    {
        var visible = new StringBuilder();
        var open = new Stack<string>();
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<')
            {
                var close = text.IndexOf('>', i);
                if (close < 0) return ("", $"Unclosed start tag at byte offset {i}");
                var tag = text[(i + 1)..close].Trim();
                var closing = tag.StartsWith('/');
                var name = (closing ? tag[1..] : tag).Split(' ')[0].ToLowerInvariant();
                if (!AllowedTags.Contains(name)) return ("", $"Unsupported start tag \"{name}\" at byte offset {i}");
                if (closing)
                {
                    if (open.Count == 0 || open.Pop() != name) return ("", $"Unmatched end tag at byte offset {i}, expected \"</{(open.Count > 0 ? open.Peek() : "")}>\"");
                }
                else
                {
                    open.Push(name);
                }
                i = close;
            }
            else if (c == '>')
            {
                return ("", $"Character '>' is reserved at byte offset {i}");
            }
            else if (c == '&')
            {
                var semi = text.IndexOf(';', i);
                var entity = semi < 0 ? "" : text[i..(semi + 1)];
                switch (entity)
                {
                    case "&lt;": visible.Append('<'); break;
                    case "&gt;": visible.Append('>'); break;
                    case "&amp;": visible.Append('&'); break;
                    case "&quot;": visible.Append('"'); break;
                    default: return ("", $"Unsupported entity at byte offset {i}");
                }
                i = semi;
            }
            else
            {
                visible.Append(c);
            }
        }
        return open.Count > 0 ? ("", $"Can't find end tag corresponding to start tag \"{open.Peek()}\"") : (visible.ToString(), null);
    }

    private static Task Ok(HttpContext ctx, JsonNode result) =>
        Write(ctx, 200, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());

    private static Task BadRequest(HttpContext ctx, string description) =>
        Write(ctx, 400, new JsonObject { ["ok"] = false, ["error_code"] = 400, ["description"] = "Bad Request: " + description }.ToJsonString());

    private static async Task Write(HttpContext ctx, int status, string body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(body, Encoding.UTF8);
    }
}
