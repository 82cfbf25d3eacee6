using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Journal;

/// <summary>Log messages of the journal service.</summary>
internal static partial class JournalServiceLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "journal {Path} open, run {RunId}")]
    public static partial void Opened(ILogger logger, string path, long runId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "journal flushed ({Committed} records committed this run)")]
    public static partial void Flushed(ILogger logger, long committed);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "journal flush on stop failed")]
    public static partial void FlushFailed(ILogger logger, Exception exception);
}
