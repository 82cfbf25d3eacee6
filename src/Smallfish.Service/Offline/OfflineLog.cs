using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Offline;

/// <summary>Log messages of the offline venue.</summary>
internal static partial class OfflineLog
{
    [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "offline: venue emulator at {Address}, fed by {Feed}; no exchange is contacted")]
    public static partial void Running(ILogger logger, string address, string feed);

    [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "offline venue stopped after {Events} feed events")]
    public static partial void Stopped(ILogger logger, long events);

    [LoggerMessage(EventId = 802, Level = LogLevel.Error, Message = "stopping the offline venue failed")]
    public static partial void StopFailed(ILogger logger, Exception exception);
}
