using Microsoft.Extensions.Logging;

namespace Smallfish.Persistence.Logging;

/// <summary>Source-generated log messages of the journal (event ids 6000-6099).</summary>
internal static partial class JournalLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Journal opened at {Path} (schema version {Version}, flush every {FlushIntervalMs} ms)")]
    public static partial void Opened(ILogger logger, string path, int version, double flushIntervalMs);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Journal backpressure: {Pending} records queued (soft limit {SoftLimit}); the writer is behind, nothing is dropped")]
    public static partial void Backpressure(ILogger logger, long pending, int softLimit);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Journal queue at its hard limit ({HardLimit} records): holding the caller until the writer catches up")]
    public static partial void Blocking(ILogger logger, int hardLimit);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Journal write of {Count} records failed; keeping them and retrying at the next flush")]
    public static partial void TransientWriteError(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Journal refused a {Kind} record; it is not written")]
    public static partial void RecordRefused(ILogger logger, Exception exception, string kind);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Critical, Message = "Journal writer stopped; {Pending} records were not written")]
    public static partial void WriterFailed(ILogger logger, Exception exception, long pending);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Journal closed: {Committed} records committed, {Duplicates} duplicate fills ignored, {Failed} refused")]
    public static partial void Closed(ILogger logger, long committed, long duplicates, long failed);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Journal closed with {Pending} records not written")]
    public static partial void ClosedWithPending(ILogger logger, long pending);
}
