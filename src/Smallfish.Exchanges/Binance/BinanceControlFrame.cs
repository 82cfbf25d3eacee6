using System.Text.Json;
using Smallfish.Exchanges.Json;

namespace Smallfish.Exchanges.Binance;

/// <summary>Reads Binance control answers: <c>{"result":null,"id":n}</c> or an error <c>{"code":..,"msg":..}</c>.</summary>
internal static class BinanceControlFrame
{
    public static bool IsAcknowledgement(ReadOnlySpan<byte> frame, out string? failure)
    {
        failure = null;
        try
        {
            var reader = new Utf8JsonReader(frame);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return false;
            if (root.Has("code") && root.Has("msg"))
            {
                failure = root.Str("code") + " " + root.Str("msg");
                return true;
            }
            return root.TryGetProperty("id", out _) && root.TryGetProperty("result", out _);
        }
        catch (Exception ex) when (ParseGuard.IsMalformedPayload(ex))
        {
            return false;
        }
    }
}
