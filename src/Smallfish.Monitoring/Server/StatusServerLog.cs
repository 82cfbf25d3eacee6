using Microsoft.Extensions.Logging;

namespace Smallfish.Monitoring.Server;

/// <summary>Source-generated log messages of the status server.</summary>
internal static partial class StatusServerLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Status endpoint listening on {Addresses}")]
    public static partial void Listening(ILogger logger, string addresses);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Status source failed while serving {Path}")]
    public static partial void SourceFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Metrics scrape failed")]
    public static partial void ScrapeFailed(ILogger logger, Exception exception);
}
