using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.Time;
using Smallfish.Persistence.Logging;
using Smallfish.Persistence.Reading;
using Smallfish.Persistence.Schema;
using Smallfish.Persistence.State;

namespace Smallfish.Persistence.Journal;

/// <summary>
/// The service's journal: one SQLite file (WAL, <c>synchronous=FULL</c>) written by a single background writer.
/// </summary>
/// <remarks>
/// <para><b>Never blocks the engine in normal operation.</b> <c>Record*</c> and the state setters put the record on an
/// unbounded in-memory queue and return. The writer wakes every <see cref="SqliteJournalOptions.FlushInterval"/>
/// (on the configured clock), when <see cref="SqliteJournalOptions.MaxBatchSize"/> records are waiting, or on
/// <see cref="FlushAsync"/>, and commits everything queued in one transaction per batch.</para>
/// <para><b>No record is dropped.</b> Above <see cref="SqliteJournalOptions.QueueSoftLimit"/> queued records the journal
/// logs a warning and counts <see cref="JournalStats.BackpressureEvents"/>; the queue keeps growing. Only at
/// <see cref="SqliteJournalOptions.QueueHardLimit"/> (the disk has stalled for a long time) does a <c>Record*</c> call
/// wait for the writer, as a last resort that bounds memory, counted in <see cref="JournalStats.BlockedWrites"/>.
/// A transiently failing commit (disk full, I/O error, busy) keeps its records and retries at the next wake; a record
/// the database refuses on its own is logged and counted in <see cref="JournalStats.FailedRecords"/>.</para>
/// <para><b>Durability.</b> A commit returns after the WAL is synced, so <see cref="FlushAsync"/> and
/// <see cref="DisposeAsync"/> mean "on disk". A crash loses at most the records queued since the last commit,
/// i.e. at most one flush interval (plus whatever a stalled disk held back, which <see cref="Stats"/> shows).</para>
/// <para>Reads (<see cref="OpenReader"/>) use their own connections and see committed data only: call
/// <see cref="FlushAsync"/> first to read what was just recorded.</para>
/// </remarks>
public sealed partial class SqliteJournal : IJournal, IAsyncDisposable
{
    private readonly SqliteJournalOptions _options;
    private readonly ILogger _logger;
    private readonly SqliteConnection _connection;
    private readonly JournalWriter _writer;
    private readonly ConcurrentQueue<JournalItem> _queue = new();
    private readonly Channel<byte> _wake = Channel.CreateBounded<byte>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly object _spaceGate = new();
    private readonly ITimer _timer;
    private readonly Task _writerTask;
    private TaskCompletionSource _commitSignal = NewSignal();
    private volatile Exception? _writerFault;
    private volatile bool _writerStopped;
    private int _closed;

    private long _enqueued, _committed, _pending, _peakPending, _backpressure, _blocked;
    private long _duplicateFills, _failed, _writeErrors, _transactions, _flushTicks;

    private SqliteJournal(SqliteJournalOptions options, SqliteConnection connection, int schemaVersion, List<EngineStateEntry> state, ILogger logger)
    {
        _options = options;
        _connection = connection;
        _logger = logger;
        DatabasePath = options.DatabasePath;
        SchemaVersion = schemaVersion;
        _writer = new JournalWriter(connection);
        State = new EngineStateStore(state, e => Enqueue(new JournalItem(JournalItemKind.State, e)), options.TimeProvider);
        _writerTask = Task.Run(RunWriterAsync);
        _timer = options.TimeProvider.CreateTimer(_ => OnFlushTick(), null, options.FlushInterval, options.FlushInterval);
    }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Schema version of the open database.</summary>
    public int SchemaVersion { get; }

    /// <summary>Typed key-value engine state (run counter, daily counters, last processed times).</summary>
    public EngineStateStore State { get; }

    /// <summary>Queue and writer counters.</summary>
    public JournalStats Stats => new(
        Interlocked.Read(ref _enqueued), Interlocked.Read(ref _committed), Interlocked.Read(ref _pending),
        Interlocked.Read(ref _peakPending), Interlocked.Read(ref _backpressure), Interlocked.Read(ref _blocked),
        Interlocked.Read(ref _duplicateFills), Interlocked.Read(ref _failed), Interlocked.Read(ref _writeErrors),
        Interlocked.Read(ref _transactions), Interlocked.Read(ref _flushTicks));

    /// <summary>
    /// Opens (creating if needed) the journal described by <paramref name="options"/>, brings its schema up to date and
    /// loads the engine state. Throws <see cref="ArgumentException"/> listing every invalid option.
    /// </summary>
    public static SqliteJournal Open(SqliteJournalOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        var connection = JournalConnection.Open(options.DatabasePath, writer: true);
        try
        {
            int version = JournalSchema.Migrate(connection, options.TimeProvider.GetUnixTimeNs());
            var state = JournalReader.ReadEngineState(connection);
            var journal = new SqliteJournal(options, connection, version, state, logger ?? NullLogger.Instance);
            JournalLog.Opened(journal._logger, journal.DatabasePath, version, options.FlushInterval.TotalMilliseconds);
            return journal;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void RecordDecision(DecisionRecord decision) => Enqueue(new JournalItem(JournalItemKind.Decision, decision ?? throw new ArgumentNullException(nameof(decision))));

    /// <inheritdoc />
    public void RecordOrderSent(OrderRequest request, long tsNs) => Enqueue(new JournalItem(JournalItemKind.OrderSent, request ?? throw new ArgumentNullException(nameof(request)), tsNs));

    /// <inheritdoc />
    public void RecordOrderUpdate(in OrderUpdate update) => Enqueue(new JournalItem(JournalItemKind.OrderUpdate, update));

    /// <inheritdoc />
    public void RecordFill(in Fill fill) => Enqueue(new JournalItem(JournalItemKind.Fill, fill));

    /// <inheritdoc />
    public void RecordTrade(TradeResult trade) => Enqueue(new JournalItem(JournalItemKind.Trade, trade ?? throw new ArgumentNullException(nameof(trade))));

    /// <inheritdoc />
    public void RecordEquity(EquitySnapshot snapshot) => Enqueue(new JournalItem(JournalItemKind.Equity, snapshot ?? throw new ArgumentNullException(nameof(snapshot))));

    /// <inheritdoc />
    public void RecordShadowTrade(ShadowTrade shadow) => Enqueue(new JournalItem(JournalItemKind.Shadow, shadow ?? throw new ArgumentNullException(nameof(shadow))));

    /// <summary>
    /// Completes when everything recorded before the call is committed to disk. Faults when the commit failed (the
    /// records are kept and retried) or the writer has stopped.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
        if (_writerFault is { } fault) throw new InvalidOperationException("the journal writer has stopped", fault);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Enqueue(new JournalItem(JournalItemKind.Flush, done));
        Wake();
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Starts a new engine incarnation: increments the durable run counter (<see cref="JournalStateKeys.RunCounter"/>),
    /// flushes it to disk and returns it, so client order ids of this run can never repeat an earlier run's.
    /// </summary>
    public async Task<long> BeginRunAsync(CancellationToken cancellationToken = default)
    {
        State.TryGetInt64(JournalStateKeys.RunCounter, out long run);
        run++;
        State.SetInt64(JournalStateKeys.RunCounter, run);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>Opens a reader on this journal's file (its own connection; sees committed data).</summary>
    public JournalReader OpenReader() => JournalReader.Open(DatabasePath);

    /// <summary>Commits everything queued, stops the writer and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        await _timer.DisposeAsync().ConfigureAwait(false);
        _wake.Writer.TryComplete();
        await _writerTask.ConfigureAwait(false);
        _writer.Dispose();
        try
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            cmd.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // A reader still holds the WAL; the data is committed either way.
        }
        _connection.Dispose();
        long pending = Interlocked.Read(ref _pending);
        if (pending > 0) JournalLog.ClosedWithPending(_logger, pending);
        JournalLog.Closed(_logger, Interlocked.Read(ref _committed), Interlocked.Read(ref _duplicateFills), Interlocked.Read(ref _failed));
    }

    /// <summary>Completes once at least <paramref name="count"/> records have been committed (tests).</summary>
    internal async Task WaitForCommittedAsync(long count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = Volatile.Read(ref _commitSignal).Task;
            if (Interlocked.Read(ref _committed) >= count) return;
            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Enqueue(in JournalItem item)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
        long pending = Interlocked.Increment(ref _pending);
        Interlocked.Increment(ref _enqueued);
        _queue.Enqueue(item);
        UpdatePeak(pending);
        if (pending == _options.QueueSoftLimit + 1L)
        {
            Interlocked.Increment(ref _backpressure);
            JournalLog.Backpressure(_logger, pending, _options.QueueSoftLimit);
        }
        if (pending >= _options.MaxBatchSize) Wake();
        if (pending >= _options.QueueHardLimit) WaitForSpace();
    }

    private void WaitForSpace()
    {
        Interlocked.Increment(ref _blocked);
        JournalLog.Blocking(_logger, _options.QueueHardLimit);
        Wake();
        lock (_spaceGate)
        {
            while (Interlocked.Read(ref _pending) >= _options.QueueSoftLimit && !_writerStopped) Monitor.Wait(_spaceGate);
        }
    }

    private void UpdatePeak(long pending)
    {
        long peak;
        while (pending > (peak = Interlocked.Read(ref _peakPending)) && Interlocked.CompareExchange(ref _peakPending, pending, peak) != peak)
        {
        }
    }

    private void OnFlushTick()
    {
        Interlocked.Increment(ref _flushTicks);
        Wake();
    }

    private void Wake() => _wake.Writer.TryWrite(0);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
