using System.Text;
using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.Risk;
using Smallfish.Simulation.Backtesting.Reports;
using Smallfish.Simulation.Backtesting.Research;
using Smallfish.Simulation.Backtesting.Statistics;
using static Smallfish.Core.Tests.Simulation.Backtesting.StatisticsFixtures;

namespace Smallfish.Core.Tests.Simulation.Backtesting;

public class ReportWriterTests
{
    private static SymbolProfileReport Run(string symbol, string profile, IReadOnlyList<TradeResult> trades, bool synthetic = false)
    {
        var equity = FourTradeEquity();
        var stats = BacktestStatistics.Compute(new BacktestStatisticsInput
        {
            Trades = trades, Equity = equity, FirstTsNs = T0, LastTsNs = T0 + (4 * Minute), Events = 10, Frequency = StatsFrequency.OneMinute,
        });
        return new SymbolProfileReport
        {
            Symbol = symbol, Profile = profile, Statistics = stats, Trades = trades, Equity = equity, Synthetic = synthetic,
            ShadowTrades =
            [
                new ShadowTrade(symbol, Side.Buy, GateReason.SpreadTooWide, T0, T0 + Minute, 1000, 990, 1020, 1020, 2.0, 0.7),
                new ShadowTrade(symbol, Side.Sell, GateReason.SpreadTooWide, T0, 0, 1000, 1010, 980, 0, double.NaN, 0.6),
                new ShadowTrade(symbol, Side.Sell, GateReason.Cooldown, T0, T0 + Minute, 1000, 1010, 980, 1010, -1.0, 0.6),
            ],
        };
    }

    private static List<SymbolProfileReport> Runs() =>
    [
        Run("ETHUSDT", "aggressive", [Trade(11m, 1m, 0m, 1.0)], synthetic: true),
        Run("BTCUSDT", "ultra", FourTrades()),
        Run("BTCUSDT", "conservative", []),
    ];

    private static string Summary(IEnumerable<SymbolProfileReport> runs)
    {
        using var ms = new MemoryStream();
        SummaryJsonWriter.Write(ms, runs);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Test]
    public void SummaryJson_Runs_OneObjectPerSymbolProfileInFixedOrder()
    {
        using var doc = JsonDocument.Parse(Summary(Runs()));
        var items = doc.RootElement.EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("symbol").GetString() + "/" + i.GetProperty("profile").GetString()),
            Is.EqualTo(new[] { "BTCUSDT/conservative", "BTCUSDT/ultra", "ETHUSDT/aggressive" }));
    }

    [Test]
    public void SummaryJson_RequiredKeys_PresentInStatedOrder()
    {
        using var doc = JsonDocument.Parse(Summary(Runs()));
        var keys = doc.RootElement[0].EnumerateObject().Select(p => p.Name).ToList();
        string[] required =
        [
            "symbol", "profile", "trades", "win_rate", "net_pnl", "gross_pnl", "fees", "funding", "max_drawdown", "max_drawdown_pct",
            "sharpe", "sortino", "stats_frequency", "profit_factor", "avg_r", "expectancy", "maker_fill_ratio", "avg_slippage_ticks",
            "exposure", "events", "first_ts", "last_ts", "shadow_trades", "synthetic",
        ];
        Assert.That(keys, Is.SupersetOf(required));
        var positions = required.Where(k => k != "synthetic").Select(k => keys.IndexOf(k)).ToList();
        Assert.That(positions, Is.Ordered, "keys keep the stated order");
    }

    [Test]
    public void SummaryJson_Values_FixedDecimalsNullForUndefined()
    {
        string json = Summary(Runs());
        using var doc = JsonDocument.Parse(json);
        var btcUltra = doc.RootElement[1];
        var btcEmpty = doc.RootElement[0];
        var eth = doc.RootElement[2];
        Assert.Multiple(() =>
        {
            Assert.That(btcUltra.GetProperty("net_pnl").GetRawText(), Is.EqualTo("20.00000000"));
            Assert.That(btcUltra.GetProperty("win_rate").GetRawText(), Is.EqualTo("0.500000"));
            Assert.That(btcUltra.GetProperty("profit_factor").GetRawText(), Is.EqualTo("1.666667"));
            Assert.That(btcUltra.GetProperty("stats_frequency").GetString(), Is.EqualTo("1m"));
            Assert.That(btcUltra.GetProperty("first_ts").GetString(), Is.EqualTo("2024-07-19T00:00:00.000000000Z"));
            Assert.That(btcUltra.GetProperty("last_ts").GetString(), Is.EqualTo("2024-07-19T00:04:00.000000000Z"));
            Assert.That(btcUltra.GetProperty("synthetic").GetBoolean(), Is.False);
            Assert.That(btcUltra.GetProperty("shadow_trades").GetInt32(), Is.EqualTo(3));
            Assert.That(btcUltra.GetProperty("shadow_by_gate").GetProperty("spread_too_wide").GetProperty("count").GetInt32(), Is.EqualTo(2));
            Assert.That(btcUltra.GetProperty("shadow_by_gate").GetProperty("spread_too_wide").GetProperty("avg_r").GetRawText(), Is.EqualTo("2.000000"));
            Assert.That(btcEmpty.GetProperty("profit_factor").ValueKind, Is.EqualTo(JsonValueKind.Null), "no trades: undefined");
            Assert.That(btcEmpty.GetProperty("win_rate").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(eth.GetProperty("profit_factor").ValueKind, Is.EqualTo(JsonValueKind.Null), "no losses: infinite, written as null");
            Assert.That(eth.GetProperty("synthetic").GetBoolean(), Is.True);
            Assert.That(json, Does.Not.Contain("NaN").And.Not.Contain("Infinity").And.Not.Contain("\r"));
        });
    }

    [Test]
    public void SummaryJson_SameRunsInAnotherOrder_ByteIdentical()
    {
        var runs = Runs();
        string a = Summary(runs);
        runs.Reverse();
        Assert.That(Summary(runs), Is.EqualTo(a));
    }

    [Test]
    public void TradesCsv_FourTrades_HeaderAndRowsWithFixedDecimals()
    {
        var sw = new StringWriter();
        TradesCsvWriter.Write(sw, [Run("BTCUSDT", "balanced", FourTrades())]);
        var lines = sw.ToString().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo(string.Join(',', TradesCsvWriter.Columns)));
            Assert.That(lines, Has.Length.EqualTo(6)); // header, 4 rows, trailing empty
            Assert.That(lines[1], Is.EqualTo(
                "BTCUSDT,balanced,long,1721347200000000000,1721347260000000000,2024-07-19T00:00:00.000000000Z,2024-07-19T00:01:00.000000000Z," +
                "100.00000000,101.00000000,1.00000000,32.00000000,2.00000000,0.00000000,30.00000000,1.500000,0.50000000,1.50000000,1,take_profit"));
            Assert.That(lines[4].Split(',')[13], Is.EqualTo("-20.00000000"));
        });
    }

    [Test]
    public void EquityCsv_Curve_RunningDrawdownFromPeak()
    {
        var sw = new StringWriter();
        EquityCsvWriter.Write(sw, [Run("BTCUSDT", "balanced", FourTrades())]);
        var rows = sw.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.That(rows.Select(r => r[4]), Is.EqualTo(new[] { "1000.00000000", "1030.00000000", "1020.00000000", "1040.00000000", "1020.00000000" }));
        Assert.That(rows.Select(r => r[5]), Is.EqualTo(new[] { "0.00000000", "0.00000000", "10.00000000", "0.00000000", "20.00000000" }));
        Assert.That(rows[4][6], Is.EqualTo("1.923077"));
    }

    [Test]
    public void SignalsJson_Result_KeysPerHorizonAndNullForUndefined()
    {
        var result = new SignalResearchResult(
            [
                new SignalResearchStats("OBI", 0.25, [new HorizonResult(1_000_000_000L, "1s", 0.1234564, 100, 0.55, 40), new HorizonResult(5_000_000_000L, "5s", double.NaN, 2, double.NaN, 0)]),
            ],
            100, 0, [0, 0], [0, 0], false);
        using var ms = new MemoryStream();
        SignalsJsonWriter.Write(ms, result);
        using var doc = JsonDocument.Parse(ms.ToArray());
        var obi = doc.RootElement[0];
        Assert.Multiple(() =>
        {
            Assert.That(obi.EnumerateObject().Select(p => p.Name).Take(6), Is.EqualTo(new[] { "name", "active_rate", "ic_1s", "ic_5s", "hit_1s", "hit_5s" }));
            Assert.That(obi.GetProperty("ic_1s").GetRawText(), Is.EqualTo("0.123456"));
            Assert.That(obi.GetProperty("ic_5s").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(obi.GetProperty("hit_1s").GetRawText(), Is.EqualTo("0.550000"));
        });
    }

    [Test]
    public void DirectoryWriter_Runs_WritesFilesAtomicallyAndIdenticallyTwice()
    {
        string dir = Path.Combine(Path.GetTempPath(), "smallfish-reports-" + Guid.NewGuid().ToString("N"));
        try
        {
            var research = new SignalResearch(new SignalResearchOptions { SignalNames = ["A"] });
            research.Add(0, 100, [1], [true]);
            var signals = research.Complete();
            var first = ReportDirectoryWriter.Write(dir, Runs(), signals).Select(File.ReadAllBytes).ToList();
            var second = ReportDirectoryWriter.Write(dir, Runs(), signals).Select(File.ReadAllBytes).ToList();
            Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName).Order(),
                Is.EqualTo(new[] { "equity.csv", "signals.json", "summary.json", "trades.csv" }));
            Assert.That(second, Is.EqualTo(first));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void ReportFormat_Edges_NoNegativeZeroNullForNonFinite()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportFormat.Ratio(-0.0000001), Is.EqualTo("0.000000"));
            Assert.That(ReportFormat.Money(-0.000000001m), Is.EqualTo("0.00000000"));
            Assert.That(ReportFormat.Ratio(double.NaN), Is.Null);
            Assert.That(ReportFormat.Ratio(double.PositiveInfinity), Is.Null);
            Assert.That(ReportFormat.Human(double.PositiveInfinity, 2), Is.EqualTo("inf"));
            Assert.That(ReportFormat.IsoUtc(0), Is.Null);
            Assert.That(ReportFormat.IsoUtc(1_721_347_201_585_000_123L), Is.EqualTo("2024-07-19T00:00:01.585000123Z"));
            Assert.That(ReportFormat.SnakeCase("SpreadTooWide"), Is.EqualTo("spread_too_wide"));
        });
    }
}
