using System.Text.Json;
using Smallfish.Exchanges.Json;

namespace Smallfish.Exchanges.Bybit;

/// <summary>Reads a public-stream control answer (<c>op</c>: subscribe, ping/pong) without touching data frames.</summary>
internal static class BybitControlFrame
{
    /// <summary>True for a control frame (no <c>topic</c> key); <paramref name="failure"/> is set when it reports a failure.</summary>
    public static bool TryRead(ReadOnlySpan<byte> frame, out bool isControl, out string? failure)
    {
        isControl = frame.IndexOf("\"topic\""u8) < 0;
        failure = null;
        if (!isControl) return true;
        try
        {
            var reader = new Utf8JsonReader(frame);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.Has("op")) return false;
            if (root.Has("success") && !root.Bool("success")) failure = root.Str("op") + ": " + root.Str("ret_msg");
            return true;
        }
        catch (Exception ex) when (ParseGuard.IsMalformedPayload(ex))
        {
            return false;
        }
    }
}
