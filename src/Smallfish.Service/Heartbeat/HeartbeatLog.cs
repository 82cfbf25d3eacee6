using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Heartbeat;

/// <summary>Log messages of the heartbeat.</summary>
internal static partial class HeartbeatLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "heartbeat every {IntervalMs} ms (systemd watchdog ping interval {WatchdogMs} ms, 0 = off)")]
    public static partial void Started(ILogger logger, long intervalMs, long watchdogMs);

    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "engine loop stalled: no answer for {StallMs} ms (inputs processed so far {Beat}); watchdog pings stopped, new entries stopped")]
    public static partial void LoopStalled(ILogger logger, int stallMs, long beat);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "engine loop recovered")]
    public static partial void LoopRecovered(ILogger logger);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "market data stale: no event for {AgeMs} ms; new entries stopped")]
    public static partial void FeedStale(ILogger logger, long ageMs);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "market data back; entries may resume")]
    public static partial void FeedRecovered(ILogger logger);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "heartbeat failed; the next beat tries again")]
    public static partial void BeatFailed(ILogger logger, Exception exception);
}
