namespace Smallfish.Persistence.Journal;

/// <summary>Counters of the journal's queue and writer, for status output and metrics.</summary>
/// <param name="Enqueued">Records accepted by <c>Record*</c> and the state setters.</param>
/// <param name="Committed">Records committed to the database (including ignored duplicates).</param>
/// <param name="Pending">Records accepted but not yet committed.</param>
/// <param name="PeakPending">Highest <paramref name="Pending"/> seen.</param>
/// <param name="BackpressureEvents">Times the queue grew past the soft limit.</param>
/// <param name="BlockedWrites">Times a caller was held at the hard limit.</param>
/// <param name="DuplicateFills">Fills ignored because their exec id was already journaled.</param>
/// <param name="FailedRecords">Records the database refused on their own (logged; cannot be retried).</param>
/// <param name="WriteErrors">Transactions that failed transiently (disk full, I/O); their records were kept and retried.</param>
/// <param name="Transactions">Committed transactions.</param>
/// <param name="FlushTicks">Times the flush timer fired.</param>
public readonly record struct JournalStats(
    long Enqueued,
    long Committed,
    long Pending,
    long PeakPending,
    long BackpressureEvents,
    long BlockedWrites,
    long DuplicateFills,
    long FailedRecords,
    long WriteErrors,
    long Transactions,
    long FlushTicks);
