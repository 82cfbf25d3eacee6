using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Smallfish.Backtest.Commands;
using Smallfish.Backtest.Runs;
using Smallfish.Backtest.Tests.TestSupport;

namespace Smallfish.Backtest.Tests.Commands;

/// <summary><c>smallfish-backtest --multigrid</c>: the real engine with the grid on, over a real Binance session.</summary>
public partial class MultigridRunTests
{
    private static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var environment = new BacktestEnvironment
        {
            Environment = new Dictionary<string, string?>(),
            Interactive = false,
            Http = static () => throw new InvalidOperationException("tests never reach an archive outside 127.0.0.1"),
            DataSearchStarts = [TestContext.CurrentContext.TestDirectory],
        };
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.BuildRootCommand(environment).Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Args(string cache, params string[] extra) =>
        ["--symbol", "BTCUSDT", "--exchange", "binance", "--mode", "balanced", "--from", "2024-07-18", "--to", "2024-07-19",
         "--data", Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm"), "--cache", cache, .. extra];

    [GeneratedRegex(@"spacing (\d+) ticks \(fee floor (\d+)\)")]
    private static partial Regex SpacingLine();

    [Test]
    public void Run_MultigridRealBtcSession_GridRunsAtASpacingAboveTheFeeFloor()
    {
        using var dir = new TempDir();
        var (code, output, error) = Invoke(Args(dir.Combine("cache"), "--multigrid", "--equity", "10000"));

        Assert.That(code, Is.Zero, error + output);
        string text = Regex.Replace(output + error, @"\s*\n\s*", " "); // the console wraps long notes
        var m = SpacingLine().Match(text);
        Assert.That(m.Success, Is.True, text);
        long spacing = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        long floor = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("BTCUSDT balanced grid:"));
            Assert.That(floor, Is.GreaterThan(300), "6 bps of a BTC price near 64 000 in 0.1 ticks");
            Assert.That(spacing, Is.GreaterThanOrEqualTo(floor));
        });
    }

    [Test]
    public void Run_MultigridTooLittleEquity_SaysWhyTheGridNeverStarted()
    {
        using var dir = new TempDir();
        var (code, output, error) = Invoke(Args(dir.Combine("cache"), "--multigrid"));

        Assert.That(code, Is.Zero, error + output);
        Assert.That(Regex.Replace(output + error, @"\s*\n\s*", " "), Does.Contain("grid: never started"));
    }

    [Test]
    public void Run_WithoutMultigrid_NoGridLine()
    {
        using var dir = new TempDir();
        var (code, output, error) = Invoke(Args(dir.Combine("cache"), "--equity", "10000"));

        Assert.That(code, Is.Zero, error + output);
        Assert.That(output + error, Does.Not.Contain("grid:"));
    }
}
