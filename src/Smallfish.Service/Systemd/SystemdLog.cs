using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Systemd;

/// <summary>Log messages of the systemd integration.</summary>
internal static partial class SystemdLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "smallfish ready: {Description} (systemd notified: {Notified})")]
    public static partial void Ready(ILogger logger, string description, bool notified);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "stopping: new entries stop, resting entry orders are cancelled, protective orders stay, the journal is flushed")]
    public static partial void Stopping(ILogger logger);
}
