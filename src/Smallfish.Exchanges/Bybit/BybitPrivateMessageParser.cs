using System.Text.Json;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Streams;

namespace Smallfish.Exchanges.Bybit;

/// <summary>
/// Reads Bybit private stream frames (bybit-v5.md section 9): topics <c>order</c>, <c>execution</c>,
/// <c>execution.fast</c>, <c>position</c>, <c>wallet</c> (with or without the <c>.linear</c> suffix) and the
/// <c>op</c> control answers (auth, subscribe, pong). A frame is read completely before anything is dispatched, so
/// a malformed frame dispatches nothing. Never throws.
/// </summary>
internal static class BybitPrivateMessageParser
{
    public static PrivateFrameKind Parse(ReadOnlyMemory<byte> frame, IPrivateMessageSink sink)
    {
        try
        {
            using var doc = JsonDocument.Parse(frame);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return PrivateFrameKind.Unknown;
            if (root.Has("topic")) return ParseTopic(root, sink);
            if (root.Has("op")) return ParseControl(root, sink);
            return PrivateFrameKind.Unknown;
        }
        catch (Exception ex) when (ParseGuard.IsMalformedPayload(ex))
        {
            return PrivateFrameKind.Malformed;
        }
    }

    private static PrivateFrameKind ParseTopic(JsonElement root, IPrivateMessageSink sink)
    {
        string topic = root.Str("topic");
        int dot = topic.IndexOf(".linear", StringComparison.Ordinal);
        if (dot > 0) topic = topic[..dot];
        switch (topic)
        {
            case "order":
                Dispatch(Read(root, BybitOrderParser.ParseOrder), sink.OnOrder);
                return PrivateFrameKind.Data;
            case "execution":
                Dispatch(Read(root, e => BybitOrderParser.ParseFill(e, fast: false)), sink.OnFill);
                return PrivateFrameKind.Data;
            case "execution.fast":
                Dispatch(Read(root, e => BybitOrderParser.ParseFill(e, fast: true)), sink.OnFill);
                return PrivateFrameKind.Data;
            case "position":
                Dispatch(Read(root, BybitAccountParser.ParsePosition), sink.OnPosition);
                return PrivateFrameKind.Data;
            case "wallet":
                long time = root.Long("creationTime");
                Dispatch(Read(root, w => BybitAccountParser.ParseWallet(w, time)), sink.OnWallet);
                return PrivateFrameKind.Data;
            default:
                return PrivateFrameKind.Unknown;
        }
    }

    private static PrivateFrameKind ParseControl(JsonElement root, IPrivateMessageSink sink)
    {
        string op = root.Str("op");
        bool success = root.Bool("success");
        string message = root.Str("ret_msg");
        switch (op)
        {
            case "auth" when root.Has("success"):
                sink.OnControl(success ? PrivateControlKind.AuthSucceeded : PrivateControlKind.AuthFailed, message);
                return PrivateFrameKind.Control;
            case "subscribe" when root.Has("success"):
                sink.OnControl(success ? PrivateControlKind.SubscribeSucceeded : PrivateControlKind.SubscribeFailed, message);
                return PrivateFrameKind.Control;
            case "pong":
            case "ping":
                sink.OnControl(PrivateControlKind.Pong, null);
                return PrivateFrameKind.Control;
            default:
                return PrivateFrameKind.Unknown;
        }
    }

    private static List<T> Read<T>(JsonElement root, Func<JsonElement, T> item)
    {
        var list = new List<T>();
        foreach (var e in root.Items("data")) list.Add(item(e));
        return list;
    }

    private static void Dispatch<T>(List<T> items, Action<T> to)
    {
        ModelGuard.Check(items); // a frame with one out-of-range item is malformed as a whole: nothing of it is delivered
        foreach (var item in items) to(item);
    }
}
