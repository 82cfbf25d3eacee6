namespace Smallfish.Simulation.Recording;

/// <summary>Counters of a <see cref="MarketRecorder"/>.</summary>
/// <param name="Events">Events accepted into blocks.</param>
/// <param name="EventsWritten">Events whose block reached a file.</param>
/// <param name="BlocksWritten">Blocks written.</param>
/// <param name="BytesWritten">Bytes written, headers included.</param>
/// <param name="FilesOpened">Files started.</param>
/// <param name="DroppedEvents">Events dropped because the writer was too far behind, or sent after close.</param>
/// <param name="LostEvents">Events whose block failed to write (I/O error).</param>
/// <param name="UnknownSymbolEvents">Events for a symbol id not in the symbol table (not recorded).</param>
/// <param name="PendingBytes">Sealed bytes waiting for the writer.</param>
/// <param name="CurrentFile">The file being written, if any.</param>
public readonly record struct MarketRecorderStats(
    long Events,
    long EventsWritten,
    long BlocksWritten,
    long BytesWritten,
    long FilesOpened,
    long DroppedEvents,
    long LostEvents,
    long UnknownSymbolEvents,
    long PendingBytes,
    string? CurrentFile);
