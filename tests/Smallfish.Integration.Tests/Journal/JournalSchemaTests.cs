using Microsoft.Data.Sqlite;
using Smallfish.Core.Signals;
using Smallfish.Core.Time;
using Smallfish.Integration.Tests.TestSupport;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.Schema;
using static Smallfish.Integration.Tests.TestSupport.JournalSamples;

namespace Smallfish.Integration.Tests.Journal;

/// <summary>Schema versioning, WAL mode and the decision columns.</summary>
public class JournalSchemaTests
{
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
    public async Task Open_NewThenExisting_MigratesOnceAndUsesWal()
    {
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            Assert.That(journal.SchemaVersion, Is.EqualTo(JournalMigrations.Latest));
        }
        await using (var again = SqliteJournal.Open(Options(_dir.Path, _clock))) Assert.That(again.SchemaVersion, Is.EqualTo(JournalMigrations.Latest));

        using var c = Raw();
        Assert.That(Scalar(c, "SELECT COUNT(*) FROM schema_version"), Is.EqualTo((long)JournalMigrations.All.Count));
        Assert.That(Scalar(c, "SELECT applied_ns FROM schema_version WHERE version = 1"), Is.EqualTo(Day0Ns));
        Assert.That(Scalar(c, "PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    [Test]
    public async Task Open_DatabaseFromNewerBuild_Refused()
    {
        await using (SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
        }
        using (var c = Raw())
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version (version, description, applied_ns) VALUES (999, 'future', 0)";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<InvalidOperationException>(() => SqliteJournal.Open(Options(_dir.Path, _clock)));
        Assert.That(ex!.Message, Does.Contain("999"));
    }

    [Test]
    public async Task DecisionsTable_SignalColumns_OnePairPerSignalInSignalOrder()
    {
        await using (SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
        }
        using var c = Raw();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM pragma_table_info('decisions') ORDER BY cid";
        var columns = new List<string>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) columns.Add(r.GetString(0));
        var names = Enumerable.Range(0, SignalIds.Count).Select(i => ((SignalId)i).Name().ToLowerInvariant()).ToList();
        Assert.That(columns.Where(n => n.StartsWith("score_", StringComparison.Ordinal)), Is.EqualTo(names.Select(n => "score_" + n)));
        Assert.That(columns.Where(n => n.StartsWith("weight_", StringComparison.Ordinal)), Is.EqualTo(names.Select(n => "weight_" + n)));
        Assert.That(columns, Does.Contain("gate_code").And.Contain("gate_name").And.Contain("action").And.Contain("confidence"));
    }

    private SqliteConnection Raw()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Options(_dir.Path, _clock).DatabasePath, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
