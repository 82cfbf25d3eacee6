using System.CommandLine;
using System.Text.Json;
using Smallfish.Backtest.Commands;
using Smallfish.Backtest.Runs;
using Smallfish.Backtest.Tests.TestSupport;

namespace Smallfish.Backtest.Tests.Commands;

/// <summary><c>smallfish-backtest signals</c> through the real entry point, the real engine driven by scripted signals (a test double).</summary>
public class SignalsCommandTests
{
    private static BacktestEnvironment Environment() => new()
    {
        Strategy = ctx => EngineStrategy.Create(ctx, new ScriptedSignals()),
        StrategyName = "engine with scripted test signals",
        Environment = new Dictionary<string, string?>(),
        Interactive = false,
        Http = static () => throw new InvalidOperationException("tests never reach an archive outside 127.0.0.1"),
        DataSearchStarts = [TestContext.CurrentContext.TestDirectory],
    };

    private static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.BuildRootCommand(Environment()).Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void Signals_RealData_TableAndSignalsJsonWithSamples()
    {
        using var dir = new TempDir();
        var (code, output, error) = Invoke("signals", "--symbol", "BTCUSDT", "--exchange", "binance", "--from", "2024-07-18", "--to", "2024-07-19",
            "--data", Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm"), "--out", dir.Path, "--cache", dir.Combine("cache"));

        Assert.That(code, Is.Zero, error + output);
        using var json = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("signals.json")));
        var signals = json.RootElement.EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(signals.Select(s => s.GetProperty("name").GetString()), Has.Member("OBI").And.Member("ABSORB"));
            Assert.That(signals, Has.Count.EqualTo(13));
            Assert.That(signals[0].GetProperty("samples").GetInt64(), Is.GreaterThan(3000), "a 100 ms grid over 8 minutes, once the features are warm");
            Assert.That(signals[0].TryGetProperty("synthetic", out _), Is.False);
            Assert.That(output, Does.Contain("signal research").And.Contain("IC 30s"));
        });
    }

    [Test]
    public void Signals_Synthetic_MarkedSynthetic()
    {
        using var dir = new TempDir();
        var (code, output, error) = Invoke("signals", "--synthetic", "--minutes", "2", "--out", dir.Path);
        Assert.That(code, Is.Zero, error + output);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(dir.Combine("signals.json")), Does.Contain("\"synthetic\": true"));
            Assert.That(output, Does.Contain("SYNTHETIC"));
        });
    }

    [Test]
    public void Signals_Sweep_RefusedInOneLine()
    {
        var (code, _, error) = Invoke("signals", "--synthetic", "--sweep");
        Assert.That((code, error.Trim()), Is.EqualTo((CliErrors.UsageError, "error: a signal study runs one profile: drop --sweep (pick one with --mode)")));
    }
}
