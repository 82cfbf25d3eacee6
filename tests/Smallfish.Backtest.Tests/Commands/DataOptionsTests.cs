using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;
using Smallfish.Backtest.Commands;
using Smallfish.Backtest.Runs;
using Smallfish.Backtest.Tests.TestSupport;

namespace Smallfish.Backtest.Tests.Commands;

/// <summary>--on-bad-line, --auto and the automatic discovery of the shared real data, through the real entry point.</summary>
public class DataOptionsTests
{
    private static BacktestEnvironment Environment(params string[] searchStarts) => new()
    {
        Strategy = ScriptedStrategy.Factory(),
        StrategyName = "scripted test strategy",
        Environment = new Dictionary<string, string?>(),
        Interactive = false,
        Http = static () => throw new InvalidOperationException("tests never reach an archive outside 127.0.0.1"),
        DataSearchStarts = searchStarts.Length > 0 ? searchStarts : [TestContext.CurrentContext.TestDirectory],
    };

    private static (int Code, string Out, string Err) Invoke(BacktestEnvironment environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.BuildRootCommand(environment).Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    // The July ETHUSDT session with line 500 of its first file replaced by text that is not a record.
    private static string DataWithBadLine(TempDir dir)
    {
        string data = dir.Combine("data");
        Directory.CreateDirectory(data);
        string source = Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm");
        using (var gz = new GZipStream(File.OpenRead(Path.Combine(source, "ethusdt_20240718.gz")), CompressionMode.Decompress))
        using (var reader = new StreamReader(gz))
        {
            var lines = reader.ReadToEnd().Split('\n');
            lines[499] = "this is not a record";
            File.WriteAllText(Path.Combine(data, "ethusdt_20240718.gz"), string.Join('\n', lines)); // plain text: read by content, not by name
        }
        File.Copy(Path.Combine(source, "ethusdt_20240719.gz"), Path.Combine(data, "ethusdt_20240719.gz"));
        return data;
    }

    [Test]
    public void OnBadLine_Stop_ErrorNamesFileAndLine()
    {
        using var dir = new TempDir();
        string data = DataWithBadLine(dir);
        var (code, _, error) = Invoke(Environment(), "--symbol", "ETHUSDT", "--exchange", "binance", "--data", data, "--cache", dir.Combine("cache"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliErrors.DataError));
            Assert.That(error.Trim(), Does.StartWith("error: bad data file: " + Path.Combine(data, "ethusdt_20240718.gz") + ":500: "));
        });
    }

    [Test]
    public void OnBadLine_Skip_RunsAndSaysHowManyLinesWereSkipped()
    {
        using var dir = new TempDir();
        string data = DataWithBadLine(dir);
        var (code, output, error) = Invoke(Environment(), "--symbol", "ETHUSDT", "--exchange", "binance", "--data", data, "--cache", dir.Combine("cache"),
            "--on-bad-line", "skip", "--out", dir.Combine("out"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(output.Replace("\n", " ", StringComparison.Ordinal), Does.Contain("WARNING 1 malformed lines were skipped"));
            Assert.That(File.Exists(dir.Combine("out", "summary.json")), Is.True);
        });
    }

    [Test]
    public void Auto_CryptofeedBybitRecording_RanksTheFourSymbolsAndKeepsTwo()
    {
        using var dir = new TempDir();
        var (code, output, error) = Invoke(Environment(), "--auto", "2", "--exchange", "bybit", "--data", Path.Combine(SharedPaths.RealData, "cryptofeed-bybit-v5"),
            "--cache", dir.Combine("cache"), "--out", dir.Combine("out"));
        Assert.That(code, Is.Zero, error + output);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("out", "summary.json")));
        var symbols = summary.RootElement.EnumerateArray().Select(r => r.GetProperty("symbol").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(symbols, Has.Count.EqualTo(2));
            Assert.That(symbols, Is.SubsetOf(new[] { "BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT" }));
            Assert.That(output, Does.Contain("--auto 2: "));
        });
    }

    [Test]
    public void NoDataOption_SharedDataFoundAboveTheStartDirectory_SaysWhereItIsFrom()
    {
        using var dir = new TempDir();
        var found = Invoke(Environment(), "--symbol", "BTCUSDT", "--exchange", "binance", "--cache", dir.Combine("cache"));
        Assert.Multiple(() =>
        {
            Assert.That(found.Code, Is.Zero, found.Err);
            Assert.That(found.Out.Replace("\n", " ", StringComparison.Ordinal), Does.Contain("data: no --data given; using the real recorded data found at"));
        });
    }

    [Test]
    public void NoData_NothingFound_OneLineSayingWhatToPass()
    {
        using var dir = new TempDir();
        var (code, _, error) = Invoke(Environment(dir.Path), "--symbol", "BTCUSDT");
        Assert.That((code, error.Trim()), Is.EqualTo((CliErrors.UsageError,
            "error: no market data: pass --data DIR (local files), --days N or --from/--to (download from the exchange archive), or --synthetic")));
    }
}
