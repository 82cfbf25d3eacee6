using Smallfish.Core.Domain;
using Smallfish.Persistence.Journal;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Executable;

/// <summary><c>smallfish export --csv DIR</c> on a journal written in the test.</summary>
public sealed class ExportCommandTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task Export_JournalWithOrders_WritesOneCsvPerTableWithTheRows()
    {
        await using (SqliteJournal journal = SqliteJournal.Open(new SqliteJournalOptions { DataDirectory = _dir.DataDirectory }))
        {
            journal.RecordOrderSent(new OrderRequest("c1", "BTCUSDT", Side.Buy, OrderType.Limit, TimeInForce.PostOnly, 650_000, 12, 0, false, OrderRole.Entry), 1_000);
            journal.RecordOrderSent(new OrderRequest("c2", "ETHUSDT", Side.Sell, OrderType.Limit, TimeInForce.GoodTillCancel, 30_000, 5, 0, true, OrderRole.TakeProfit), 2_000);
            await journal.FlushAsync();
        }

        string csvDirectory = Path.Combine(_dir.Root, "csv");
        var (code, stdout, stderr) = ServiceProcess.Run(_dir, new Dictionary<string, string?>(),
            "export", "--csv", csvDirectory, "--config-dir", _dir.ConfigDirectory, "--data-dir", _dir.DataDirectory);

        Assert.That(code, Is.Zero, stderr);
        string[] orders = File.ReadAllLines(Path.Combine(csvDirectory, "orders_sent.csv"));
        Assert.That(orders, Has.Length.EqualTo(3), "header and two rows");
        Assert.That(orders[1], Does.Contain("c1").And.Contain("BTCUSDT"));
        Assert.That(orders[2], Does.Contain("c2").And.Contain("ETHUSDT"));
        Assert.That(Directory.GetFiles(csvDirectory, "*.csv").Select(Path.GetFileName), Does.Contain("order_updates.csv").And.Contain("trades.csv"));
        Assert.That(stdout, Does.Contain("orders_sent: 2 rows"));
    }

    [Test]
    public void Export_NoJournal_ExitsOneWithOneLine()
    {
        var (code, _, stderr) = ServiceProcess.Run(_dir, new Dictionary<string, string?>(),
            "export", "--csv", Path.Combine(_dir.Root, "csv"), "--config-dir", _dir.ConfigDirectory, "--data-dir", _dir.DataDirectory);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.StartWith("smallfish: no journal at "));
    }
}
