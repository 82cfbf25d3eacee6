using System.Globalization;
using System.Text.Json;
using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Sockets;
using Smallfish.Emulator.Venue;
using Smallfish.Exchanges.Authentication;

namespace Smallfish.Emulator.Bybit;

/// <summary>
/// Bybit v5 WebSocket requests (bybit-v5.md sections 7 and 9): <c>op</c> subscribe / unsubscribe / ping on the public
/// linear stream; auth (<c>"GET/realtime" + expires</c>, HMAC hex), subscribe and ping on the private stream. Answers
/// take each stream's own shapes (the linear pong differs from the private one).
/// </summary>
internal sealed class BybitSocketHandler
{
    private static readonly HashSet<string> PrivateTopics = new(StringComparer.Ordinal) { "order", "execution", "execution.fast", "position", "wallet", "dcp" };
    private readonly EmulatorVenue _venue;
    private readonly BybitPublisher _publisher;
    private readonly VenueEmulatorOptions _options;
    private readonly BybitSigner _signer;

    public BybitSocketHandler(EmulatorVenue venue, BybitPublisher publisher, VenueEmulatorOptions options)
    {
        _venue = venue;
        _publisher = publisher;
        _options = options;
        _signer = new BybitSigner(new ApiCredentials(options.ApiKey, options.ApiSecret));
    }

    public ValueTask OnPublicMessageAsync(WsConnection c, ReadOnlyMemory<byte> message)
    {
        if (!TryRead(message, out string op, out string reqId, out var args))
        {
            c.Send(Answer(c, "", "", false, "Invalid request"));
            return ValueTask.CompletedTask;
        }
        switch (op)
        {
            case "ping":
                c.Send(Json(w =>
                {
                    w.WriteBoolean("success", true);
                    w.WriteString("ret_msg", "pong");
                    w.WriteString("conn_id", ConnId(c));
                    w.WriteString("req_id", reqId);
                    w.WriteString("op", "ping");
                }));
                break;
            case "subscribe":
            case "unsubscribe":
                lock (_venue.Gate)
                {
                    var bad = args.Where(t => !_publisher.TryParseTopic(t, out _, out _)).ToList();
                    c.Send(Answer(c, op, reqId, bad.Count == 0, bad.Count == 0 ? "" : "error:handler not found,topic:" + string.Join(",", bad)));
                    foreach (string topic in args.Except(bad))
                    {
                        if (op == "subscribe") _publisher.Subscribe(c, topic); else _publisher.Unsubscribe(c, topic);
                    }
                }
                break;
            default:
                c.Send(Answer(c, op, reqId, false, "Invalid op"));
                break;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask OnPrivateMessageAsync(WsConnection c, ReadOnlyMemory<byte> message)
    {
        var state = (BybitConnectionState)c.State!;
        if (!TryRead(message, out string op, out string reqId, out var args, out var rawArgs))
        {
            c.Send(Answer(c, "", "", false, "Invalid request"));
            return ValueTask.CompletedTask;
        }
        switch (op)
        {
            case "auth":
                string? failure = CheckAuth(rawArgs);
                state.Authenticated = failure is null;
                c.Send(Answer(c, "auth", reqId, failure is null, failure ?? ""));
                break;
            case "ping":
                c.Send(Json(w =>
                {
                    w.WriteString("req_id", reqId);
                    w.WriteString("op", "pong");
                    w.WriteStartArray("args");
                    w.WriteStringValue(_venue.NowMs().ToString(CultureInfo.InvariantCulture));
                    w.WriteEndArray();
                    w.WriteString("conn_id", ConnId(c));
                }));
                break;
            case "subscribe":
                if (!state.Authenticated)
                {
                    c.Send(Answer(c, "subscribe", reqId, false, "Request not authorized"));
                    break;
                }
                var topics = args.Select(t => t.EndsWith(".linear", StringComparison.Ordinal) ? t[..^".linear".Length] : t).ToList();
                var bad = topics.Where(t => !PrivateTopics.Contains(t)).ToList();
                lock (_venue.Gate)
                {
                    c.Send(Answer(c, "subscribe", reqId, bad.Count == 0, bad.Count == 0 ? "" : "error:handler not found,topic:" + string.Join(",", bad)));
                    foreach (string t in topics.Except(bad)) state.PrivateTopics.Add(t);
                    _publisher.AddPrivate(c);
                }
                break;
            case "unsubscribe":
                lock (_venue.Gate)
                {
                    foreach (string t in args) state.PrivateTopics.Remove(t.EndsWith(".linear", StringComparison.Ordinal) ? t[..^".linear".Length] : t);
                    c.Send(Answer(c, "unsubscribe", reqId, true, ""));
                }
                break;
            default:
                c.Send(Answer(c, op, reqId, false, "Invalid op"));
                break;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Checks <c>[apiKey, expires, signature]</c>; null when valid, else the venue's message.</summary>
    private string? CheckAuth(JsonElement args)
    {
        if (args.ValueKind != JsonValueKind.Array || args.GetArrayLength() != 3) return "Params Error";
        string? key = args[0].ValueKind == JsonValueKind.String ? args[0].GetString() : null;
        long expires = args[1].ValueKind == JsonValueKind.Number && args[1].TryGetInt64(out long e) ? e
            : args[1].ValueKind == JsonValueKind.String && long.TryParse(args[1].GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out e) ? e : 0;
        string? signature = args[2].ValueKind == JsonValueKind.String ? args[2].GetString() : null;
        if (key != _options.ApiKey) return "Invalid apikey";
        if (expires <= _venue.NowMs()) return "Params Error";
        string expected = _signer.Sign(BybitSigner.BuildWebSocketStringToSign(expires));
        return signature is not null && SignatureCheck.HexEquals(expected, signature, ignoreCase: false) ? null : "Error sign";
    }

    private static bool TryRead(ReadOnlyMemory<byte> message, out string op, out string reqId, out List<string> args) =>
        TryRead(message, out op, out reqId, out args, out _);

    private static bool TryRead(ReadOnlyMemory<byte> message, out string op, out string reqId, out List<string> args, out JsonElement rawArgs)
    {
        op = reqId = "";
        args = new List<string>();
        rawArgs = default;
        try
        {
            using var doc = JsonDocument.Parse(message);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var o) || o.ValueKind != JsonValueKind.String) return false;
            op = o.GetString()!;
            if (root.TryGetProperty("req_id", out var r)) reqId = r.ValueKind == JsonValueKind.String ? r.GetString()! : r.GetRawText();
            if (root.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array)
            {
                rawArgs = a.Clone();
                foreach (var item in a.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String) args.Add(item.GetString()!);
                }
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] Answer(WsConnection c, string op, string reqId, bool success, string message) => Json(w =>
    {
        w.WriteBoolean("success", success);
        w.WriteString("ret_msg", message);
        w.WriteString("conn_id", ConnId(c));
        w.WriteString("req_id", reqId);
        w.WriteString("op", op);
    });

    private static string ConnId(WsConnection c) => "emu-" + c.Id.ToString(CultureInfo.InvariantCulture);

    private static byte[] Json(Action<Utf8JsonWriter> members)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            members(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
