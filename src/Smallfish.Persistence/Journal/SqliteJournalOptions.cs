namespace Smallfish.Persistence.Journal;

/// <summary>Where the journal lives and how its background writer behaves.</summary>
public sealed class SqliteJournalOptions
{
    /// <summary>Directory holding the database (created if missing).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Database file name inside <see cref="DataDirectory"/>.</summary>
    public string FileName { get; set; } = "journal.db";

    /// <summary>
    /// Longest time a queued record waits before it is committed. A crash (power loss, kill -9) loses at most the
    /// records queued in the last interval; a clean stop (<c>DisposeAsync</c>) loses nothing. Default 1 s.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Records per transaction; reaching it also wakes the writer before the interval ends. Default 4096.</summary>
    public int MaxBatchSize { get; set; } = 4096;

    /// <summary>
    /// Queued-record count above which the journal reports backpressure (a warning and
    /// <see cref="JournalStats.BackpressureEvents"/>); the caller is not slowed and nothing is dropped. Default 50,000.
    /// </summary>
    public int QueueSoftLimit { get; set; } = 50_000;

    /// <summary>
    /// Queued-record count at which <c>Record*</c> blocks until the writer has drained below
    /// <see cref="QueueSoftLimit"/>: the last resort that bounds memory when the disk stalls for a long time, chosen
    /// over dropping records. Counted in <see cref="JournalStats.BlockedWrites"/>. Default 500,000.
    /// </summary>
    public int QueueHardLimit { get; set; } = 500_000;

    /// <summary>Clock for the flush timer and state timestamps; the system clock unless a test or backtest sets one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));

    /// <summary>Every problem with these options, one line each (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory)) errors.Add("Journal:DataDirectory must not be empty");
        if (string.IsNullOrWhiteSpace(FileName) || FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            errors.Add($"Journal:FileName '{FileName}' must be a plain file name");
        }
        if (FlushInterval <= TimeSpan.Zero || FlushInterval > TimeSpan.FromSeconds(60))
        {
            errors.Add($"Journal:FlushInterval {FlushInterval} must be in (0, 60 s]");
        }
        if (MaxBatchSize < 1) errors.Add($"Journal:MaxBatchSize {MaxBatchSize} must be >= 1");
        if (QueueSoftLimit < 1) errors.Add($"Journal:QueueSoftLimit {QueueSoftLimit} must be >= 1");
        if (QueueHardLimit <= QueueSoftLimit) errors.Add($"Journal:QueueHardLimit {QueueHardLimit} must be greater than QueueSoftLimit {QueueSoftLimit}");
        return errors;
    }
}
