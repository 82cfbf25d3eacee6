using Microsoft.Extensions.Logging;

namespace Smallfish.Exchanges.Logging;

/// <summary>WebSocket log messages. URLs are logged without query strings and with listen keys masked.</summary>
internal static partial class StreamLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "{Exchange} {Kind} connection {Id} connected to {Url} (connect #{Count})")]
    public static partial void Connected(ILogger logger, string exchange, string kind, int id, string url, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "{Exchange} {Kind} connection {Id} lost ({Reason}); reconnecting in {DelayMs} ms")]
    public static partial void Disconnected(ILogger logger, string exchange, string kind, int id, string reason, long delayMs);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "{Exchange} {Kind} connection {Id}: no frame for {SilentMs} ms; dropping it")]
    public static partial void Stale(ILogger logger, string exchange, string kind, int id, long silentMs);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "{Exchange} {Kind}: {Count} frame(s) malformed or unknown so far; latest: {Detail}")]
    public static partial void BadFrame(ILogger logger, string exchange, string kind, long count, string detail);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "{Exchange} public queue full: dropping frames and resyncing books")]
    public static partial void Overflow(ILogger logger, string exchange);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "{Exchange} {Kind}: an event handler threw; event skipped")]
    public static partial void HandlerFailed(ILogger logger, string exchange, string kind, Exception exception);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "{Exchange} private stream: {What} failed: {Detail}")]
    public static partial void PrivateFailure(ILogger logger, string exchange, string what, string detail);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "{Exchange} {What}")]
    public static partial void Info(ILogger logger, string exchange, string what);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "{Exchange} private event for unknown instrument {Symbol} skipped")]
    public static partial void UnknownInstrument(ILogger logger, string exchange, string symbol);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "{Exchange} book snapshot for {Symbol} failed: {Detail}")]
    public static partial void SnapshotFailed(ILogger logger, string exchange, string symbol, string detail);
}
