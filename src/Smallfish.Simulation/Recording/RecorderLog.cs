using Microsoft.Extensions.Logging;

namespace Smallfish.Simulation.Recording;

/// <summary>Log messages of the market-data recorder (event ids 6100-6199).</summary>
internal static class RecorderLog
{
    public static readonly Action<ILogger, string, Exception?> FileOpened =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(6100, "RecordingFileOpened"), "Recording to {Path}");

    public static readonly Action<ILogger, long, int, Exception?> BlockDropped =
        LoggerMessage.Define<long, int>(LogLevel.Warning, new EventId(6101, "RecordingBlockDropped"),
            "Recorder writer is {PendingBytes} bytes behind; dropped a block of {Events} events (a gap marker is written)");

    public static readonly Action<ILogger, int, Exception?> UnknownSymbol =
        LoggerMessage.Define<int>(LogLevel.Warning, new EventId(6102, "RecordingUnknownSymbol"),
            "Recorder got an event for symbol id {SymbolId}, which is not in its symbol table; such events are not recorded");

    public static readonly Action<ILogger, int, Exception?> WriteFailed =
        LoggerMessage.Define<int>(LogLevel.Error, new EventId(6103, "RecordingWriteFailed"),
            "Recorder failed to write a block of {Events} events; starting a new file with the next block");
}
