using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Journal;
using Smallfish.Core.Metrics;
using Smallfish.Persistence.Journal;
using Smallfish.Service.Activity;
using Smallfish.Service.Hosting;

namespace Smallfish.Service.Journal;

/// <summary>
/// Opens the SQLite journal under the data directory first and closes it last: started before every other hosted
/// service and so stopped after all of them, it flushes everything the engine recorded during the graceful stop and
/// then disposes the journal.
/// </summary>
public sealed class JournalService : IHostedService, IAsyncDisposable
{
    private readonly RunContext _context;
    private readonly TimeProvider _clock;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly ServiceActivity? _activity;
    private readonly EngineStatusTap? _tap;
    private readonly SmallfishMetrics? _metrics;
    private SqliteJournal? _journal;
    private IJournal? _engineJournal;

    /// <summary>Creates the service; with <paramref name="activity"/>, <paramref name="tap"/> and <paramref name="metrics"/> the engine's records also feed monitoring.</summary>
    public JournalService(RunContext context, TimeProvider clock, ILoggerFactory loggers, ServiceActivity? activity = null, EngineStatusTap? tap = null,
        SmallfishMetrics? metrics = null)
    {
        _activity = activity;
        _tap = tap;
        _metrics = metrics;
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _logger = loggers.CreateLogger<JournalService>();
    }

    /// <summary>The open journal (after start).</summary>
    public SqliteJournal Journal => _journal ?? throw new InvalidOperationException("the journal is not open yet");

    /// <summary>
    /// What the engine records into (after start): the journal itself, wrapped in an <see cref="ActivityJournal"/>
    /// when monitoring is registered.
    /// </summary>
    public IJournal EngineJournal => _engineJournal ?? Journal;

    /// <summary>This run's durable run counter (after start).</summary>
    public long RunId { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _journal = SqliteJournal.Open(new SqliteJournalOptions
        {
            DataDirectory = _context.DataDirectory,
            FlushInterval = TimeSpan.FromMilliseconds(Math.Min(_context.Options.Journal.FlushIntervalMs, 60_000)),
            TimeProvider = _clock,
        }, _loggers.CreateLogger<SqliteJournal>());
        if (_activity is not null && _tap is not null && _metrics is not null)
        {
            _engineJournal = new ActivityJournal(_journal, _activity, _tap, _metrics, _context.Catalog, _clock);
        }

        RunId = await _journal.BeginRunAsync(cancellationToken).ConfigureAwait(false);
        JournalServiceLog.Opened(_logger, _journal.DatabasePath, RunId);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        SqliteJournal? journal = Interlocked.Exchange(ref _journal, null);
        if (journal is null) return;
        try
        {
            await journal.FlushAsync(cancellationToken).ConfigureAwait(false);
            JournalServiceLog.Flushed(_logger, journal.Stats.Committed);
        }
        catch (Exception ex)
        {
            // Disposing still commits what it can; the failure is reported, not thrown, so the rest of the stop goes on.
            JournalServiceLog.FlushFailed(_logger, ex);
        }
        finally
        {
            await journal.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        SqliteJournal? journal = Interlocked.Exchange(ref _journal, null);
        if (journal is not null) await journal.DisposeAsync().ConfigureAwait(false);
    }
}
