using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Engine;

/// <summary>Log messages of the engine loop.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "engine loop started (queue capacity {Capacity})")]
    public static partial void LoopStarted(ILogger logger, int capacity);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "engine input {Kind} failed; skipped")]
    public static partial void InputFailed(ILogger logger, string kind, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Critical, Message = "engine loop crashed")]
    public static partial void LoopCrashed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "kill switch tripped ({Reason}) {Detail}")]
    public static partial void KillSwitchTripped(ILogger logger, string reason, string detail);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "kill switch reset; entries may resume {Detail}")]
    public static partial void KillSwitchReset(ILogger logger, string detail);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "stopping: new entries stopped, {Cancels} resting entry orders cancelled, waiting up to {DrainMs} ms for confirmations; protective orders stay")]
    public static partial void Draining(ILogger logger, int cancels, int drainMs);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "engine loop stopped: {Cancels} entry cancels sent, {EntriesLeft} entry orders unconfirmed, {Protective} protective orders left working, drain timed out: {TimedOut}")]
    public static partial void Stopped(ILogger logger, int cancels, int entriesLeft, int protective, bool timedOut);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "engine loop still busy at dispose; abandoned")]
    public static partial void AbandonedOnDispose(ILogger logger);
}
