using Smallfish.Core.Time;
using Smallfish.Integration.Tests.TestSupport;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.Reading;
using static Smallfish.Integration.Tests.TestSupport.JournalSamples;

namespace Smallfish.Integration.Tests.Journal;

/// <summary>When records reach the disk: the flush timer, explicit flushes, clean close, an abandoned writer, backpressure.</summary>
public class SqliteJournalDurabilityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TempDirectory _dir = null!;
    private SimulatedClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _clock = new SimulatedClock(Day0Ns);
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task FlushTimer_OneIntervalOnTheClock_CommitsWhatWasQueued()
    {
        await using var journal = SqliteJournal.Open(Options(_dir.Path, _clock));
        for (int i = 0; i < 3; i++) journal.RecordEquity(Equity(Day0Ns + i, 1_000m + i));

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(journal.Stats.FlushTicks, Is.Zero, "no flush before the interval");
        Assert.That(Rows("equity"), Is.Zero, "nothing is written between flushes");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(journal.Stats.FlushTicks, Is.EqualTo(1));
        await journal.WaitForCommittedAsync(3, CancellationToken.None).WaitAsync(Patience);
        Assert.That(Rows("equity"), Is.EqualTo(3));

        journal.RecordEquity(Equity(Day0Ns + 10, 1_010m));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(journal.Stats.FlushTicks, Is.EqualTo(2), "the timer keeps firing every interval");
        await journal.WaitForCommittedAsync(4, CancellationToken.None).WaitAsync(Patience);
        Assert.That(Rows("equity"), Is.EqualTo(4));
    }

    [Test]
    public async Task FlushAsync_WithoutTimer_EverythingBeforeItIsReadable()
    {
        await using var journal = SqliteJournal.Open(Options(_dir.Path, _clock));
        journal.RecordOrderSent(Order("sf1-0-1-E0"), Day0Ns);
        journal.RecordFill(Fill("e1", "sf1-0-1-E0", 3, Day0Ns + 1));
        await journal.FlushAsync();
        Assert.That((Rows("orders_sent"), Rows("fills")), Is.EqualTo((1L, 1L)));
        Assert.That(journal.Stats.Pending, Is.Zero);
    }

    [Test]
    public async Task DisposeAsync_ManyRecordsInManyBatches_AllPresentAfterReopen()
    {
        const int count = 5_000;
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock, maxBatch: 333)))
        {
            for (int i = 0; i < count; i++)
            {
                journal.RecordDecision(Decision(Day0Ns + i, i));
                journal.RecordEquity(Equity(Day0Ns + i, i));
            }
        }
        await using var reopened = SqliteJournal.Open(Options(_dir.Path, _clock));
        using var reader = reopened.OpenReader();
        Assert.That(reader.CountRows("decisions"), Is.EqualTo(count));
        Assert.That(reader.CountRows("equity"), Is.EqualTo(count));
        Assert.That(reader.ReadDecisions(Day0Ns, long.MaxValue).Select(d => d.Sequence), Is.EqualTo(Enumerable.Range(0, count).Select(i => (long)i)));
    }

    [Test]
    public async Task AbandonedWriter_AfterExplicitFlush_FlushedDataSurvivesUnflushedDoesNot()
    {
        var journal = SqliteJournal.Open(Options(_dir.Path, _clock));
        try
        {
            for (int i = 0; i < 10; i++) journal.RecordTrade(Trade(Day0Ns + i, Day0Ns + 100 + i, i));
            await journal.FlushAsync();
            for (int i = 10; i < 15; i++) journal.RecordTrade(Trade(Day0Ns + i, Day0Ns + 100 + i, i));

            // The process "dies" here: the journal is neither flushed nor disposed. Another process opens the file.
            await using var survivor = SqliteJournal.Open(Options(_dir.Path, _clock));
            using var reader = survivor.OpenReader();
            Assert.That(reader.CountRows("trades"), Is.EqualTo(10), "flushed trades are durable, the last interval is lost");
            Assert.That(reader.ReadLastTrades(1)[0].NetPnl, Is.EqualTo(9m));
        }
        finally
        {
            await journal.DisposeAsync();
        }
    }

    [Test]
    public async Task QueuePastSoftLimit_Reported_NothingDropped()
    {
        var options = Options(_dir.Path, _clock, maxBatch: 100_000);
        options.QueueSoftLimit = 50;
        options.QueueHardLimit = 100_000;
        await using var journal = SqliteJournal.Open(options);
        for (int i = 0; i < 120; i++) journal.RecordEquity(Equity(Day0Ns + i, i));
        var stats = journal.Stats;
        Assert.That(stats.BackpressureEvents, Is.EqualTo(1));
        Assert.That(stats.Pending, Is.EqualTo(120));
        Assert.That(stats.PeakPending, Is.EqualTo(120));
        Assert.That(stats.BlockedWrites, Is.Zero);
        await journal.FlushAsync();
        Assert.That(Rows("equity"), Is.EqualTo(120));
    }

    [Test]
    public async Task QueueAtHardLimit_CallerHeldUntilWriterDrains_NothingDropped()
    {
        var options = Options(_dir.Path, _clock, maxBatch: 100_000);
        options.QueueSoftLimit = 10;
        options.QueueHardLimit = 20;
        await using var journal = SqliteJournal.Open(options);
        for (int i = 0; i < 50; i++) journal.RecordEquity(Equity(Day0Ns + i, i));
        Assert.That(journal.Stats.BlockedWrites, Is.GreaterThanOrEqualTo(1));
        await journal.FlushAsync();
        Assert.That(Rows("equity"), Is.EqualTo(50));
        Assert.That(journal.Stats.Committed, Is.EqualTo(50));
    }

    [Test]
    public async Task RecordAfterDispose_Throws()
    {
        var journal = SqliteJournal.Open(Options(_dir.Path, _clock));
        await journal.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => journal.RecordEquity(Equity(Day0Ns, 1m)));
    }

    [Test]
    public void Open_InvalidOptions_ListsEveryProblem()
    {
        var options = Options(_dir.Path, _clock);
        options.FlushInterval = TimeSpan.Zero;
        options.QueueHardLimit = 1;
        var ex = Assert.Throws<ArgumentException>(() => SqliteJournal.Open(options));
        Assert.That(ex!.Message, Does.Contain("FlushInterval").And.Contain("QueueHardLimit"));
    }

    private long Rows(string table)
    {
        using var reader = JournalReader.Open(Options(_dir.Path, _clock).DatabasePath);
        return reader.CountRows(table);
    }
}
