using System.Text.Json;
using Smallfish.Emulator.Sockets;
using Smallfish.Emulator.Venue;

namespace Smallfish.Emulator.Binance;

/// <summary>
/// Binance USD-M live control messages (binance-usdm.md section 6): SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS,
/// SET_PROPERTY / GET_PROPERTY <c>combined</c>; answers <c>{"result":..,"id":n}</c> or <c>{"code":0..3,"msg":..}</c>.
/// An unknown stream is acknowledged like a known one and then stays silent, as the venue does.
/// </summary>
internal sealed class BinanceSocketHandler
{
    private readonly EmulatorVenue _venue;
    private readonly BinancePublisher _publisher;

    public BinanceSocketHandler(EmulatorVenue venue, BinancePublisher publisher)
    {
        _venue = venue;
        _publisher = publisher;
    }

    /// <summary>Subscribes the streams named in the connection URL.</summary>
    public void SubscribeInitial(WsConnection c, IEnumerable<string> streams)
    {
        lock (_venue.Gate)
        {
            foreach (string s in streams) _publisher.Subscribe(c, s);
        }
    }

    public ValueTask OnMarketMessageAsync(WsConnection c, ReadOnlyMemory<byte> message)
    {
        var state = (BinanceConnectionState)c.State!;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message);
        }
        catch (JsonException ex)
        {
            c.Send(Error(3, "Invalid JSON: " + ex.Message));
            return ValueTask.CompletedTask;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String)
            {
                c.Send(Error(2, "Invalid request: method is missing"));
                return ValueTask.CompletedTask;
            }
            if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetUInt64(out ulong id))
            {
                c.Send(Error(2, "Invalid request: request ID must be an unsigned integer"));
                return ValueTask.CompletedTask;
            }
            var args = root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().ToList() : new List<JsonElement>();
            lock (_venue.Gate)
            {
                switch (m.GetString())
                {
                    case "SUBSCRIBE":
                    case "UNSUBSCRIBE":
                        if (args.Any(a => a.ValueKind != JsonValueKind.String))
                        {
                            c.Send(Error(2, "Invalid request: stream names must be strings"));
                            break;
                        }
                        c.Send(Result(id, w => w.WriteNull("result"u8)));
                        foreach (var a in args)
                        {
                            if (m.GetString() == "SUBSCRIBE") _publisher.Subscribe(c, a.GetString()!); else _publisher.Unsubscribe(c, a.GetString()!);
                        }
                        break;
                    case "LIST_SUBSCRIPTIONS":
                        var names = state.Streams.ToArray();
                        c.Send(Result(id, w =>
                        {
                            w.WriteStartArray("result"u8);
                            foreach (string s in names) w.WriteStringValue(s);
                            w.WriteEndArray();
                        }));
                        break;
                    case "SET_PROPERTY":
                        if (args.Count != 2 || args[0].ValueKind != JsonValueKind.String || args[0].GetString() != "combined" || args[1].ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                        {
                            c.Send(Error(1, "Invalid value type: expected Boolean"));
                            break;
                        }
                        state.Combined = args[1].GetBoolean();
                        c.Send(Result(id, w => w.WriteNull("result"u8)));
                        break;
                    case "GET_PROPERTY":
                        if (args.Count != 1 || args[0].ValueKind != JsonValueKind.String || args[0].GetString() != "combined")
                        {
                            c.Send(Error(0, "Unknown property"));
                            break;
                        }
                        bool combined = state.Combined;
                        c.Send(Result(id, w => w.WriteBoolean("result"u8, combined)));
                        break;
                    default:
                        c.Send(Error(2, "Invalid request: unknown method"));
                        break;
                }
            }
        }
        return ValueTask.CompletedTask;
    }

    private static byte[] Result(ulong id, Action<Utf8JsonWriter> result) => Json(w =>
    {
        result(w);
        w.WriteNumber("id"u8, id);
    });

    private static byte[] Error(int code, string message) => Json(w =>
    {
        w.WriteNumber("code"u8, code);
        w.WriteString("msg"u8, message);
    });

    private static byte[] Json(Action<Utf8JsonWriter> members)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            members(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
