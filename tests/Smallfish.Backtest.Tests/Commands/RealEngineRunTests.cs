using System.CommandLine;
using System.Text.Json;
using Smallfish.Backtest.Runs;
using Smallfish.Backtest.Tests.TestSupport;

namespace Smallfish.Backtest.Tests.Commands;

/// <summary>
/// The CLI with its default strategy (the real trading engine with the 13 signals and fusion) over the real recorded
/// Binance sessions: the summary carries every field the issue names, and a second run writes the same bytes.
/// </summary>
public class RealEngineRunTests
{
    private static readonly string[] RequiredFields =
    [
        "symbol", "profile", "trades", "win_rate", "net_pnl", "fees", "max_drawdown", "sharpe", "profit_factor", "avg_r",
        "events", "first_ts", "last_ts",
    ];

    private static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var environment = new BacktestEnvironment
        {
            Environment = new Dictionary<string, string?>(),
            Interactive = false,
            Http = static () => throw new InvalidOperationException("tests never reach an archive outside 127.0.0.1"),
            DataSearchStarts = [TestContext.CurrentContext.TestDirectory],
        };
        Assert.That(environment.Strategy, Is.Not.Null, "this build binds the trading engine as the default strategy");
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.BuildRootCommand(environment).Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void Sweep_RealEngineOnRealDataTwice_ByteIdenticalOutputsWithEveryRequiredField()
    {
        using var dir = new TempDir();
        string[] Args(string outDir) =>
            ["--symbols", "BTCUSDT", "ETHUSDT", "--sweep", "--exchange", "binance",
             "--data", Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm"), "--out", outDir, "--cache", dir.Combine("cache")];

        var first = Invoke(Args(dir.Combine("a")));
        var second = Invoke(Args(dir.Combine("b")));

        Assert.That((first.Code, second.Code), Is.EqualTo((0, 0)), first.Err + second.Err);
        Assert.That(first.Out, Does.Contain("Smallfish engine"));
        foreach (string file in new[] { "summary.json", "trades.csv", "equity.csv" })
            Assert.That(File.ReadAllBytes(dir.Combine("b", file)), Is.EqualTo(File.ReadAllBytes(dir.Combine("a", file))), file);

        using var summary = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("a", "summary.json")));
        var runs = summary.RootElement.EnumerateArray().ToList();
        Assert.That(runs, Has.Count.EqualTo(8), "2 symbols x 4 profiles");
        long events = 0;
        foreach (var run in runs)
        {
            foreach (string field in RequiredFields)
                Assert.That(run.TryGetProperty(field, out _), Is.True, $"{run.GetProperty("symbol")} {run.GetProperty("profile")}: {field}");
            Assert.That(run.GetProperty("synthetic").GetBoolean(), Is.False);
            events += run.GetProperty("events").GetInt64();
        }
        Assert.That(events, Is.GreaterThan(8 * 100_000L), "every run replays the recorded sessions");
        // the trade log has one line per round trip the summaries count
        long trades = runs.Sum(r => r.GetProperty("trades").GetInt64());
        int tradeLines = File.ReadAllLines(dir.Combine("a", "trades.csv")).Count(l => l.Length > 0) - 1;
        Assert.That(tradeLines, Is.EqualTo(trades));
    }
}
