using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Engine;

/// <summary>Log messages of the engine loop service.</summary>
internal static partial class EngineServiceLog
{
    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "engine {Engine} running over {Symbols} symbols")]
    public static partial void EngineStarted(ILogger logger, string engine, int symbols);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error, Message = "engine loop did not finish its graceful stop before the host's shutdown timeout")]
    public static partial void StopTimedOut(ILogger logger);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "watch-only engine: market data is followed but nothing is traded (no trading engine is registered in this build)")]
    public static partial void WatchOnly(ILogger logger);
}
