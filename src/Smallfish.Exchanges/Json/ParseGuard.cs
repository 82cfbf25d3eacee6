using System.Text.Json;

namespace Smallfish.Exchanges.Json;

/// <summary>The exceptions a venue payload can cause while being read; parsers catch exactly these and report "malformed".</summary>
internal static class ParseGuard
{
    public static bool IsMalformedPayload(Exception ex) =>
        ex is JsonException or FormatException or InvalidOperationException or OverflowException
            or KeyNotFoundException or IndexOutOfRangeException or ArgumentException;
}
