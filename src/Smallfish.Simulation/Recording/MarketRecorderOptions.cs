namespace Smallfish.Simulation.Recording;

/// <summary>Where and how <see cref="MarketRecorder"/> writes recordings.</summary>
public sealed class MarketRecorderOptions
{
    /// <summary>Directory for the recording files (created if missing).</summary>
    public string Directory { get; set; } = "data/recordings";

    /// <summary>File name prefix: files are <c>{prefix}-{yyyyMMdd}-{nnn}.sfrec</c> (UTC day of the clock).</summary>
    public string FilePrefix { get; set; } = "md";

    /// <summary>Venue name written into each file header.</summary>
    public string Venue { get; set; } = "";

    /// <summary>The symbol table: every symbol id the engine will send, with its instrument grid.</summary>
    public IReadOnlyList<RecordedInstrument> Instruments { get; set; } = [];

    /// <summary>Target payload size of one block; a block is sealed when it reaches this or at each flush. Default 64 KiB.</summary>
    public int BlockBytes { get; set; } = 64 * 1024;

    /// <summary>A new file is started before one would grow past this size. Default 256 MiB.</summary>
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Longest time an event waits in memory before its block is handed to the writer. Default 1 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Sealed blocks the writer may be behind by, in bytes, before whole blocks are dropped (counted, logged and marked
    /// with a gap record in the file) rather than letting memory grow without bound. Default 64 MiB.
    /// </summary>
    public long MaxPendingBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Clock for the flush timer, file days and header times.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Every problem with these options, one line each (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory)) errors.Add("Recorder:Directory must not be empty");
        if (string.IsNullOrWhiteSpace(FilePrefix) || FilePrefix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) errors.Add($"Recorder:FilePrefix '{FilePrefix}' must be a plain file name part");
        if (Instruments.Count == 0) errors.Add("Recorder:Instruments must list at least one symbol");
        if (BlockBytes < 1024 || BlockBytes > 16 * 1024 * 1024) errors.Add($"Recorder:BlockBytes {BlockBytes} must be in [1 KiB, 16 MiB]");
        if (MaxFileBytes < 2L * BlockBytes) errors.Add($"Recorder:MaxFileBytes {MaxFileBytes} must be at least twice BlockBytes");
        if (FlushInterval <= TimeSpan.Zero || FlushInterval > TimeSpan.FromMinutes(1)) errors.Add($"Recorder:FlushInterval {FlushInterval} must be in (0, 1 min]");
        if (MaxPendingBytes < 2L * BlockBytes) errors.Add($"Recorder:MaxPendingBytes {MaxPendingBytes} must be at least twice BlockBytes");
        return errors;
    }
}
