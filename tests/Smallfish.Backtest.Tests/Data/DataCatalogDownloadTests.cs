using Smallfish.Backtest.Data;
using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Simulation.Backtesting.Archives;

namespace Smallfish.Backtest.Tests.Data;

public class DataCatalogDownloadTests
{
    private static readonly DateOnly Day1 = new(2024, 1, 15);
    private static readonly DateOnly Day2 = new(2024, 1, 16);

    private ArchiveServer _server = null!;
    private TempDir _cache = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task SetUp()
    {
        _server = await ArchiveServer.StartAsync();
        _cache = new TempDir();
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    [TearDown]
    public async Task TearDown()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _cache.Dispose();
    }

    private DataCatalog Catalog() => new(new DataCatalogOptions { CacheDirectory = _cache.Path, BaseUrls = ArchiveBaseUrls.At(_server.BaseUrl) }, _http);

    private static DataRequest Bybit(string symbol, DateOnly from, DateOnly to) => new() { Exchange = ExchangeName.Bybit, Symbols = [symbol], From = from, To = to };

    private static DataRequest Binance(string symbol, DateOnly day) => new() { Exchange = ExchangeName.Binance, Symbols = [symbol], From = day, To = day };

    private void ServeBybitDay(DateOnly day, bool withBook = true)
    {
        string d = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        _server.Add($"trading/BTCUSDT/BTCUSDT{d}.csv.gz", ArchiveFixtures.Gzip(ArchiveFixtures.BybitTradesCsv(50)));
        if (withBook) _server.Add($"orderbook/linear/BTCUSDT/{d}_BTCUSDT_ob200.data.zip", ArchiveFixtures.Zip($"{d}_BTCUSDT_ob200.data", "{\"type\":\"snapshot\"}\n"));
    }

    [Test]
    public async Task Resolve_BybitDay_DownloadsTradesAndBookIntoCacheThenReadable()
    {
        ServeBybitDay(Day1);
        var set = await Catalog().ResolveAsync(Bybit("btcusdt", Day1, Day1), NullDownloadProgress.Instance);
        Assert.That(set.Files.Select(f => (f.Format, f.Depth)), Is.EqualTo(new[] { (DataFormat.BybitTrades, 0), (DataFormat.BybitOrderBook, 200) }));
        Assert.That(set.Downloaded, Is.EqualTo(2));
        Assert.That(set.Files[0].Path, Is.EqualTo(Path.Combine(_cache.Path, "bybit", "trading", "BTCUSDT", "BTCUSDT2024-01-15.csv.gz")));
        Assert.That(Directory.EnumerateFiles(_cache.Path, "*.part", SearchOption.AllDirectories), Is.Empty);

        using var reader = new BybitTradeArchiveReader(set.Files[0].Path, new ArchiveInstrument(0, new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 0m)));
        var sink = new CountingSink();
        while (reader.ReadNext(sink))
        {
        }
        Assert.That(sink.Trades, Is.EqualTo(50));
    }

    [Test]
    public async Task Resolve_SecondRun_CacheHitWithoutAnyRequest()
    {
        ServeBybitDay(Day1);
        await Catalog().ResolveAsync(Bybit("BTCUSDT", Day1, Day1), NullDownloadProgress.Instance);
        int before = _server.Requests.Count;
        var set = await Catalog().ResolveAsync(Bybit("BTCUSDT", Day1, Day1), NullDownloadProgress.Instance);
        Assert.That(_server.Requests.Count, Is.EqualTo(before), string.Join("\n", _server.Requests));
        Assert.That((set.CacheHits, set.Downloaded, set.Files.Count), Is.EqualTo((2, 0, 2)));
    }

    [Test]
    public async Task Resolve_OrderBookDepthProbe_FallsBackFrom200To500()
    {
        ServeBybitDay(Day1, withBook: false);
        _server.Add("orderbook/linear/BTCUSDT/2024-01-15_BTCUSDT_ob500.data.zip", ArchiveFixtures.Zip("2024-01-15_BTCUSDT_ob500.data", "{}\n"));
        var set = await Catalog().ResolveAsync(Bybit("BTCUSDT", Day1, Day1), NullDownloadProgress.Instance);
        Assert.That(set.Files.Single(f => f.Format == DataFormat.BybitOrderBook).Depth, Is.EqualTo(500));
        Assert.That(_server.CountRequests("ob200"), Is.EqualTo(1));
    }

    [Test]
    public async Task Resolve_NoOrderBook_NoteNotError()
    {
        ServeBybitDay(Day1, withBook: false);
        var set = await Catalog().ResolveAsync(Bybit("BTCUSDT", Day1, Day1), NullDownloadProgress.Instance);
        Assert.That(set.Files.Single().Format, Is.EqualTo(DataFormat.BybitTrades));
        Assert.That(set.Notes.Single(), Does.Contain("BTCUSDT 2024-01-15").And.Contain("BybitOrderBook"));
    }

    [Test]
    public void Resolve_UnknownBybitSymbol_ClearUnknownSymbolError()
    {
        ServeBybitDay(Day1);
        var e = Assert.ThrowsAsync<DataAcquisitionException>(() => Catalog().ResolveAsync(Bybit("NOPEUSDT", Day1, Day1), NullDownloadProgress.Instance));
        Assert.That(e!.Kind, Is.EqualTo(DataErrorKind.UnknownSymbol));
        Assert.That(e.Message, Does.StartWith("unknown symbol NOPEUSDT"));
    }

    [Test]
    public void Resolve_DayMissingUpstream_ErrorListsTheDay()
    {
        ServeBybitDay(Day1);
        var e = Assert.ThrowsAsync<DataAcquisitionException>(() => Catalog().ResolveAsync(Bybit("BTCUSDT", Day1, Day2), NullDownloadProgress.Instance));
        Assert.That(e!.Kind, Is.EqualTo(DataErrorKind.NoData));
        Assert.That(e.Message, Does.Contain("BTCUSDT 2024-01-16").And.Not.Contain("2024-01-15"));
    }

    [Test]
    public async Task Resolve_BinanceWithChecksum_VerifiedAndCached()
    {
        byte[] zip = ArchiveFixtures.Zip("BTCUSDT-aggTrades-2024-01-15.csv", ArchiveFixtures.AggTradesCsv(20));
        _server.Add("data/futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-15.zip", zip);
        _server.Add("data/futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-15.zip.CHECKSUM", ArchiveFixtures.Checksum(zip, "BTCUSDT-aggTrades-2024-01-15.zip"));
        var set = await Catalog().ResolveAsync(Binance("BTCUSDT", Day1), NullDownloadProgress.Instance);
        Assert.That(File.ReadAllBytes(set.Files.Single(f => f.Format == DataFormat.BinanceAggTrades).Path), Is.EqualTo(zip));
        Assert.That(set.Notes.Single(), Does.Contain("BinanceBookTicker"), "bookTicker missing is only a note");
    }

    [Test]
    public void Resolve_BinanceChecksumMismatch_ErrorAndNothingCached()
    {
        byte[] zip = ArchiveFixtures.Zip("BTCUSDT-aggTrades-2024-01-15.csv", ArchiveFixtures.AggTradesCsv(20));
        _server.Add("data/futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-15.zip", zip);
        _server.Add("data/futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-15.zip.CHECKSUM", ArchiveFixtures.Checksum([1, 2, 3], "BTCUSDT-aggTrades-2024-01-15.zip"));
        var e = Assert.ThrowsAsync<DataAcquisitionException>(() => Catalog().ResolveAsync(Binance("BTCUSDT", Day1), NullDownloadProgress.Instance));
        Assert.That(e!.Kind, Is.EqualTo(DataErrorKind.ChecksumMismatch));
        Assert.That(e.Message, Does.Contain("BTCUSDT-aggTrades-2024-01-15.zip"));
        Assert.That(Directory.EnumerateFiles(_cache.Path, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void Resolve_UnknownBinanceSymbol_ErrorSaysSo()
    {
        var e = Assert.ThrowsAsync<DataAcquisitionException>(() => Catalog().ResolveAsync(Binance("NOPEUSDT", Day1), NullDownloadProgress.Instance));
        Assert.That(e!.Kind, Is.EqualTo(DataErrorKind.UnknownSymbol));
        Assert.That(e.Message, Does.Contain("NOPEUSDT").And.Contain("unknown symbol"));
    }

    [Test]
    public void Resolve_TruncatedGzipServed_CorruptFileErrorNamesTheFile()
    {
        byte[] gz = ArchiveFixtures.Gzip(ArchiveFixtures.BybitTradesCsv(2000));
        _server.Add("trading/BTCUSDT/BTCUSDT2024-01-15.csv.gz", gz[..(gz.Length / 2)]);
        var e = Assert.ThrowsAsync<DataAcquisitionException>(() => Catalog().ResolveAsync(Bybit("BTCUSDT", Day1, Day1), NullDownloadProgress.Instance));
        Assert.That(e!.Kind, Is.EqualTo(DataErrorKind.CorruptFile));
        Assert.That(e.FilePath, Does.EndWith("BTCUSDT2024-01-15.csv.gz.corrupt"));
        Assert.That(e.Message, Does.Contain("gzip"));
        Assert.That(File.Exists(Path.Combine(_cache.Path, "bybit", "trading", "BTCUSDT", "BTCUSDT2024-01-15.csv.gz")), Is.False);
    }

    [Test]
    public async Task Resolve_InterruptedDownload_PartKeptAndNextRunResumesWithRange()
    {
        byte[] gz = ArchiveFixtures.Gzip(ArchiveFixtures.BybitTradesCsv(40_000));
        const string path = "trading/BTCUSDT/BTCUSDT2024-01-15.csv.gz";
        _server.Add(path, gz);
        var request = new DataRequest { Exchange = ExchangeName.Bybit, Symbols = ["BTCUSDT"], From = Day1, To = Day1, Optional = [] };
        using var cts = new CancellationTokenSource();
        Assert.CatchAsync<OperationCanceledException>(() => Catalog().ResolveAsync(request, new CancelAfterFirstBytes(cts), cts.Token));
        string part = Path.Combine(_cache.Path, "bybit", "trading", "BTCUSDT", "BTCUSDT2024-01-15.csv.gz.part");
        long partial = new FileInfo(part).Length;
        Assert.That(partial, Is.GreaterThan(0).And.LessThan(gz.Length));

        var set = await Catalog().ResolveAsync(request, NullDownloadProgress.Instance);
        Assert.That(File.ReadAllBytes(set.Files.Single().Path), Is.EqualTo(gz));
        Assert.That(_server.Requests.Last(), Is.EqualTo($"GET {path} bytes={partial}-"));
        Assert.That(File.Exists(part), Is.False);
    }

    /// <summary>Cancels the download (as Ctrl-C would) once the first bytes have been written.</summary>
    private sealed class CancelAfterFirstBytes(CancellationTokenSource cts) : IDownloadProgress, IDownloadTask
    {
        public IDownloadTask Begin(string name, long? totalBytes) => this;

        public void SetTotal(long totalBytes)
        {
        }

        public void Advance(long bytes)
        {
            if (bytes > 0) cts.Cancel();
        }

        public void Complete()
        {
        }

        public void Dispose()
        {
        }
    }

    [Test]
    public void Resolve_WithoutDates_BadRequest()
    {
        var e = Assert.ThrowsAsync<DataAcquisitionException>(() =>
            Catalog().ResolveAsync(new DataRequest { Exchange = ExchangeName.Bybit, Symbols = ["BTCUSDT"] }, NullDownloadProgress.Instance));
        Assert.That(e!.Kind, Is.EqualTo(DataErrorKind.BadRequest));
        Assert.That(_server.Requests, Is.Empty);
    }

    [Test]
    public async Task Resolve_PlainProgress_LinesPerFile()
    {
        ServeBybitDay(Day1);
        var output = new StringWriter();
        await Catalog().ResolveAsync(Bybit("BTCUSDT", Day1, Day1), new PlainDownloadProgress(output));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("downloading BTCUSDT2024-01-15.csv.gz ("));
        Assert.That(lines, Has.Some.EqualTo("  BTCUSDT2024-01-15.csv.gz 75%"));
        Assert.That(lines, Has.Some.StartWith("  2024-01-15_BTCUSDT_ob200.data.zip done"));
    }

    private sealed class CountingSink : Smallfish.Core.MarketData.IMarketEventSink
    {
        public int Trades;

        public void OnBook(Smallfish.Core.MarketData.BookUpdate update)
        {
        }

        public void OnTrade(in Smallfish.Core.MarketData.TradeEvent trade) => Trades++;

        public void OnBbo(in Smallfish.Core.MarketData.BboEvent bbo)
        {
        }

        public void OnTicker(in Smallfish.Core.MarketData.TickerEvent ticker)
        {
        }
    }
}
