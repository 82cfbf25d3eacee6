using System.CommandLine;
using System.Text.Json;
using Smallfish.Backtest.Commands;
using Smallfish.Backtest.Runs;
using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Simulation.Backtesting.Runner;

namespace Smallfish.Backtest.Tests.Commands;

/// <summary>The real CLI entry point (Program's command tree), run in-process with the scripted test strategy.</summary>
public class RunCommandTests
{
    private static (int Code, string Out, string Err) Invoke(BacktestEnvironment environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = Program.BuildRootCommand(environment).Parse(args);
        int code = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static BacktestEnvironment Scripted(Func<BacktestContext, IBacktestStrategy>? strategy = null) => new()
    {
        Strategy = strategy ?? ScriptedStrategy.Factory(),
        StrategyName = "scripted test strategy",
        Environment = new Dictionary<string, string?>(),
        Interactive = false,
        Http = static () => throw new InvalidOperationException("tests never reach an archive outside 127.0.0.1"),
        DataSearchStarts = [TestContext.CurrentContext.TestDirectory],
    };

    [Test]
    public void Synthetic_FreshMachineNoData_WritesSummaryMarkedSynthetic()
    {
        using var dir = new TempDir();
        var (code, output, error) = Invoke(Scripted(), "--synthetic", "--minutes", "3", "--seed", "7", "--out", dir.Path, "--cache", dir.Combine("cache"));

        Assert.That(code, Is.Zero, error + output);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("summary.json")));
        var run = summary.RootElement.EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("synthetic").GetBoolean(), Is.True);
            Assert.That(run.GetProperty("symbol").GetString(), Is.EqualTo("BTCUSDT"));
            Assert.That(run.GetProperty("profile").GetString(), Is.EqualTo("balanced"));
            Assert.That(run.GetProperty("events").GetInt64(), Is.GreaterThan(10_000));
            Assert.That(output, Does.Contain("SYNTHETIC"));
            Assert.That(File.Exists(dir.Combine("trades.csv")) && File.Exists(dir.Combine("equity.csv")), Is.True);
            Assert.That(Directory.Exists(dir.Combine("cache")), Is.False, "a synthetic stream is generated in memory, never cached as data");
        });
    }

    [Test]
    public void Sweep_RealDataTwoSymbolsTwice_ByteIdenticalFilesWhateverTheScheduling()
    {
        using var dir = new TempDir();
        string[] Args(string outDir) =>
            ["--symbols", "BTCUSDT", "ETHUSDT", "--sweep", "--exchange", "binance", "--from", "2024-07-18", "--to", "2024-07-19",
             "--data", Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm"), "--out", outDir, "--cache", dir.Combine("cache")];

        var first = Invoke(Scripted(), Args(dir.Combine("a")));
        var second = Invoke(Scripted(), Args(dir.Combine("b")));

        Assert.That((first.Code, second.Code), Is.EqualTo((0, 0)), first.Err + second.Err);
        Assert.Multiple(() =>
        {
            foreach (string file in new[] { "summary.json", "trades.csv", "equity.csv" })
                Assert.That(File.ReadAllBytes(dir.Combine("b", file)), Is.EqualTo(File.ReadAllBytes(dir.Combine("a", file))), file);
            Assert.That(first.Out, Does.Contain("into the event cache"));
            Assert.That(second.Out, Does.Contain("replaying the event cache"));
        });
        using var summary = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("a", "summary.json")));
        var runs = summary.RootElement.EnumerateArray().Select(r => r.GetProperty("symbol").GetString() + " " + r.GetProperty("profile").GetString()).ToList();
        Assert.That(runs, Is.EqualTo(new[]
        {
            "BTCUSDT conservative", "BTCUSDT balanced", "BTCUSDT aggressive", "BTCUSDT ultra",
            "ETHUSDT conservative", "ETHUSDT balanced", "ETHUSDT aggressive", "ETHUSDT ultra",
        }));
    }

    [Test]
    public void Run_TruncatedDataFile_OneLineErrorWithFileAndLineAndNoOutput()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("data"));
        var original = File.ReadAllBytes(Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm", "ethusdt_20240808.gz"));
        File.WriteAllBytes(dir.Combine("data", "ethusdt_20240808.gz"), original.AsSpan(0, original.Length / 2).ToArray());

        var (code, output, error) = Invoke(Scripted(), "--symbol", "ETHUSDT", "--exchange", "binance", "--data", dir.Combine("data"),
            "--out", dir.Combine("out"), "--cache", dir.Combine("cache"));

        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliErrors.DataError));
            Assert.That(lines, Has.Length.EqualTo(1), error);
            Assert.That(lines[0], Does.Match(@"^error: bad data file: .*ethusdt_20240808\.gz:\d+: "));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(Directory.Exists(dir.Combine("out")), Is.False, "no results from half the data");
        });
    }

    [Test]
    public void Run_UnknownSymbolInLocalData_OneLineErrorNamingTheSymbols()
    {
        var (code, _, error) = Invoke(Scripted(), "--symbol", "XRPUSDT", "--exchange", "binance", "--data", Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliErrors.DataError));
            Assert.That(error.Trim(), Does.StartWith("error: no Binance data for XRPUSDT").And.Contain("BTCUSDT, ETHUSDT"));
        });
    }

    [Test]
    public void Run_DayWithoutData_OneLineErrorNamingTheDay()
    {
        var (code, _, error) = Invoke(Scripted(), "--symbol", "BTCUSDT", "--exchange", "binance", "--from", "2024-07-20",
            "--data", Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm"));
        Assert.That(code, Is.EqualTo(CliErrors.DataError), error);
        Assert.That(error, Does.Contain("BTCUSDT 2024-07-20"));
    }

    [Test]
    public void Run_NoEngineInThisBuild_SaysSoAndRunsNothing()
    {
        var environment = Scripted() with { Strategy = null };
        var (code, output, error) = Invoke(environment, "--synthetic", "--minutes", "1");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliErrors.UsageError));
            Assert.That(error, Does.Contain("nothing was run"));
            Assert.That(output, Does.Not.Contain("trades"));
        });
    }

    [Test]
    public void Run_OptionGivenTwice_UsageErrorNotAStackTrace()
    {
        var (code, _, error) = Invoke(Scripted(), "--symbol", "BTCUSDT", "--data", "a", "--data", "b");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(error, Does.Contain("'--data' expects a single argument"));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void Help_DocumentsTheRunOptions()
    {
        var (code, output, _) = Invoke(Scripted(), "--help");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            foreach (string option in new[] { "--symbol", "--symbols", "--days", "--from", "--to", "--mode", "--equity", "--exchange", "--sweep",
                         "--auto", "--chart", "--data", "--out", "--multigrid", "--synthetic", "--seed", "--minutes", "--on-bad-line", "bench", "run" })
                Assert.That(output, Does.Contain(option));
        });
    }
}
