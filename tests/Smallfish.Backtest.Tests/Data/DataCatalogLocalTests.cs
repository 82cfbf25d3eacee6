using Smallfish.Backtest.Data;
using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Core.Configuration;

namespace Smallfish.Backtest.Tests.Data;

public class DataCatalogLocalTests
{
    private static DataCatalog Local(string dir) => new(new DataCatalogOptions { DataDirectory = dir, CacheDirectory = "/nonexistent-cache" });

    [Test]
    public async Task Resolve_SharedRealBinanceBtc_FindsTheHftBacktestRecordings()
    {
        var set = await Local(SharedPaths.RealData).ResolveAsync(new DataRequest { Exchange = ExchangeName.Binance, Symbols = ["BTCUSDT"] }, NullDownloadProgress.Instance);
        Assert.That(set.Files.Select(f => (Path.GetFileName(f.Path), f.Format)), Is.EqualTo(new[]
        {
            ("BTCUSDT-bookTicker-2023-10-02-short.csv.gz", DataFormat.BinanceBookTicker),
            ("btcusdt_20240718.gz", DataFormat.HftBacktestRecording),
            ("btcusdt_20240719.gz", DataFormat.HftBacktestRecording),
            ("btcusdt_20240808.gz", DataFormat.HftBacktestRecording),
        }));
    }

    [Test]
    public async Task Resolve_SharedRealDateRange_OnlyThoseDays()
    {
        var request = new DataRequest { Exchange = ExchangeName.Binance, Symbols = ["ETHUSDT"], From = new(2024, 7, 18), To = new(2024, 7, 19) };
        var set = await Local(SharedPaths.RealData).ResolveAsync(request, NullDownloadProgress.Instance);
        Assert.That(set.Files.Select(f => Path.GetFileName(f.Path)), Is.EqualTo(new[] { "ethusdt_20240718.gz", "ethusdt_20240719.gz" }));
    }

    [Test]
    public async Task Resolve_SharedRealBybit_MultiSymbolRecordingAndLeanNote()
    {
        var set = await Local(SharedPaths.RealData).ResolveAsync(new DataRequest { Exchange = ExchangeName.Bybit, Symbols = ["SOLUSDT", "BTCUSDT"] }, NullDownloadProgress.Instance);
        Assert.That(set.Files.Select(f => f.Format).Distinct(), Is.EqualTo(new[] { DataFormat.CryptofeedBybitRecording }));
        Assert.That(set.For("SOLUSDT"), Has.Count.EqualTo(1));
        Assert.That(set.Notes, Has.Some.Contains("minute bars"));
    }

    [Test]
    public void Resolve_DayNotInFolder_ErrorListsDay()
    {
        var request = new DataRequest { Exchange = ExchangeName.Binance, Symbols = ["BTCUSDT"], From = new(2024, 7, 19), To = new(2024, 7, 20) };
        var e = Assert.ThrowsAsync<DataAcquisitionException>(() => Local(SharedPaths.RealData).ResolveAsync(request, NullDownloadProgress.Instance));
        Assert.That(e!.Kind, Is.EqualTo(DataErrorKind.NoData));
        Assert.That(e.Message, Does.Contain("BTCUSDT 2024-07-20").And.Not.Contain("2024-07-19,"));
    }

    [Test]
    public void Resolve_SymbolNotInFolder_ErrorNamesSymbolsThere()
    {
        var e = Assert.ThrowsAsync<DataAcquisitionException>(() =>
            Local(SharedPaths.RealData).ResolveAsync(new DataRequest { Exchange = ExchangeName.Binance, Symbols = ["XRPUSDT"] }, NullDownloadProgress.Instance));
        Assert.That(e!.Message, Does.Contain("no Binance data for XRPUSDT").And.Contain("BTCUSDT, ETHUSDT"));
    }

    [Test]
    public async Task Resolve_ArchiveLayoutFolder_RecognizedLikeTheCache()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("x"));
        File.WriteAllBytes(dir.Combine("x", "BTCUSDT2024-01-15.csv.gz"), ArchiveFixtures.Gzip("a"));
        File.WriteAllBytes(dir.Combine("2024-01-15_BTCUSDT_ob500.data.zip"), ArchiveFixtures.Zip("m", "a"));
        File.WriteAllBytes(dir.Combine("BTCUSDT2024-01-16.csv.gz.part"), [1]);
        var request = new DataRequest { Exchange = ExchangeName.Bybit, Symbols = ["BTCUSDT"], From = new(2024, 1, 15), To = new(2024, 1, 15) };
        var set = await Local(dir.Path).ResolveAsync(request, NullDownloadProgress.Instance);
        Assert.That(set.Files.Select(f => (f.Format, f.Depth)), Is.EqualTo(new[] { (DataFormat.BybitTrades, 0), (DataFormat.BybitOrderBook, 500) }));
    }

    [TestCase("BTCUSDT2024-01-15.csv.gz", DataFormat.BybitTrades, "BTCUSDT", "2024-01-15")]
    [TestCase("1000PEPEUSDT2024-01-15.csv", DataFormat.BybitTrades, "1000PEPEUSDT", "2024-01-15")]
    [TestCase("2025-08-21_BTCUSDT_ob200.data.zip", DataFormat.BybitOrderBook, "BTCUSDT", "2025-08-21")]
    [TestCase("ETHUSDT-trades-2024-03-01.zip", DataFormat.BinanceTrades, "ETHUSDT", "2024-03-01")]
    [TestCase("ETHUSDT-aggTrades-2024-03-01.csv", DataFormat.BinanceAggTrades, "ETHUSDT", "2024-03-01")]
    [TestCase("btcusdt_20240808.gz", DataFormat.HftBacktestRecording, "BTCUSDT", "2024-08-08")]
    public void Recognize_ArchiveNames_FormatSymbolDay(string name, DataFormat format, string symbol, string day)
    {
        var f = DataFileRecognizer.Recognize("/d/" + name)!;
        Assert.That((f.Format, f.Symbol, f.Date), Is.EqualTo((format, symbol, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [TestCase("README.md")]
    [TestCase("BINANCE_FUTURES.http.0.0.gz")]
    [TestCase("summary.json")]
    public void Recognize_OtherNames_Null(string name)
    {
        Assert.That(DataFileRecognizer.Recognize("/d/" + name), Is.Null);
    }

    [Test]
    public void CacheDirectory_XdgSet_UsedElseHomeCache()
    {
        Assert.That(CacheDirectory.Default(k => k == "XDG_CACHE_HOME" ? "/x/cache" : "/home/u"), Is.EqualTo("/x/cache/smallfish"));
        Assert.That(CacheDirectory.Default(k => k == "HOME" ? "/home/u" : null), Is.EqualTo("/home/u/.cache/smallfish"));
    }

    [Test]
    public void Days_ToBeforeFrom_BadRequest()
    {
        var r = new DataRequest { Exchange = ExchangeName.Bybit, Symbols = ["A"], From = new(2024, 1, 2), To = new(2024, 1, 1) };
        Assert.That(Assert.Throws<DataAcquisitionException>(() => r.Days())!.Kind, Is.EqualTo(DataErrorKind.BadRequest));
        Assert.That(DataRequest.LastDays(3, new DateOnly(2024, 1, 10)), Is.EqualTo((new DateOnly(2024, 1, 7), new DateOnly(2024, 1, 9))));
    }
}
