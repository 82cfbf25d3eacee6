using System.Text;
using Smallfish.Core.Domain;
using Smallfish.Core.Time;
using Smallfish.Integration.Tests.TestSupport;
using Smallfish.Persistence.Export;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.Reading;
using static Smallfish.Integration.Tests.TestSupport.JournalSamples;

namespace Smallfish.Integration.Tests.Export;

/// <summary>The CSV export parses back (strict RFC 4180) with the right rows, headers, quoting and exact numbers.</summary>
public class JournalCsvExporterTests
{
    private const string Awkward = "venue said: \"post-only, would take\"\r\nsecond line, with comma";

    [Test]
    public async Task Export_EveryTable_ParsesBackWithRowCountsAndQuoting()
    {
        using var dir = new TempDirectory();
        var clock = new SimulatedClock(Day0Ns);
        var options = Options(dir.File("db"), clock);
        await using (var journal = SqliteJournal.Open(options))
        {
            for (int i = 0; i < 3; i++) journal.RecordDecision(Decision(Day0Ns + i, i));
            journal.RecordOrderSent(Order("sf1-0-1-E0"), Day0Ns);
            journal.RecordOrderSent(Order("sf1-0-2-E0"), Day0Ns + 1);
            journal.RecordOrderUpdate(Update("sf1-0-1-E0", OrderStatus.New, 0, Day0Ns + 2));
            journal.RecordOrderUpdate(Update("sf1-0-1-E0", OrderStatus.Rejected, 0, Day0Ns + 3, Awkward));
            journal.RecordFill(Fill("e,1", "sf1-0-2-E0", 3, Day0Ns + 4));
            journal.RecordTrade(Trade(Day0Ns, Day0Ns + 5, -1.2300m));
            journal.RecordEquity(Equity(Day0Ns, 1_000.000001m));
            journal.RecordEquity(Equity(Day0Ns + 1, 999.5m));
            journal.RecordShadowTrade(OpenShadow(Day0Ns));
            journal.State.SetString("note", " padded ");
            await journal.BeginRunAsync();
        }

        var outDir = dir.File("csv");
        var exports = JournalCsvExporter.Export(options.DatabasePath, outDir);

        using var reader = JournalReader.Open(options.DatabasePath);
        var expectedTables = new[] { "decisions", "engine_state", "equity", "fills", "order_updates", "orders_sent", "schema_version", "shadow_trades", "trades" };
        Assert.That(exports.Select(e => e.Table), Is.EqualTo(expectedTables));
        foreach (var export in exports)
        {
            var bytes = File.ReadAllBytes(export.Path);
            Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no BOM");
            var rows = Rfc4180Parser.Parse(Encoding.UTF8.GetString(bytes));
            Assert.That(rows.Count - 1, Is.EqualTo(reader.CountRows(export.Table)), export.Table);
            Assert.That(export.Rows, Is.EqualTo(rows.Count - 1), export.Table);
            Assert.That(rows.All(r => r.Length == rows[0].Length), export.Table + ": every row has the header's field count");
        }

        var updates = Table(outDir, "order_updates");
        Assert.That(updates[2][Col(updates, "message")], Is.EqualTo(Awkward), "quotes, CRLF and commas survive");
        Assert.That(updates[2][Col(updates, "status")], Is.EqualTo("Rejected"));
        Assert.That(updates[1][Col(updates, "message")], Is.Empty, "NULL is an empty field");

        var fills = Table(outDir, "fills");
        Assert.That(fills[1][Col(fills, "exec_id")], Is.EqualTo("e,1"));
        Assert.That(fills[1][Col(fills, "fee")], Is.EqualTo("-0.00123456789"));

        var equity = Table(outDir, "equity");
        Assert.That(equity.Skip(1).Select(r => r[Col(equity, "equity")]), Is.EqualTo(new[] { "1000.000001", "999.5" }));
        Assert.That(equity[1][Col(equity, "drawdown_pct")], Is.EqualTo("1.25"), "invariant culture");

        var trades = Table(outDir, "trades");
        Assert.That(trades[1][Col(trades, "net_pnl")], Is.EqualTo("-1.2300"));

        var decisions = Table(outDir, "decisions");
        Assert.That(decisions[1][Col(decisions, "score_ltb")], Is.Empty, "NaN score stored as NULL");
        Assert.That(double.Parse(decisions[2][Col(decisions, "confidence")], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(0.731234567));

        var state = Table(outDir, "engine_state");
        Assert.That(state.Skip(1).Single(r => r[0] == "note")[Col(state, "value")], Is.EqualTo(" padded "));
        var raw = File.ReadAllText(Path.Combine(outDir, "engine_state.csv"));
        Assert.That(raw, Does.Contain("\" padded \""), "leading/trailing spaces are quoted");
    }

    [Test]
    public void Export_MissingDatabase_Throws()
    {
        using var dir = new TempDirectory();
        Assert.Throws<FileNotFoundException>(() => JournalCsvExporter.Export(dir.File("none.db"), dir.File("out")));
        Assert.That(File.Exists(dir.File("none.db")), Is.False, "export never creates a database");
    }

    private static List<string[]> Table(string dir, string table) => Rfc4180Parser.Parse(File.ReadAllText(Path.Combine(dir, table + ".csv")));

    private static int Col(List<string[]> rows, string name)
    {
        int i = Array.IndexOf(rows[0], name);
        Assert.That(i, Is.GreaterThanOrEqualTo(0), "column " + name);
        return i;
    }
}
