using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Core.Tests.Replay;

/// <summary>The two cryptofeed recordings and the bookTicker CSV, replayed in full.</summary>
public class CryptofeedReplayTests
{
    internal static string BybitFile => SharedData.RealFile("cryptofeed-bybit-v5", "BYBIT.jsonl.gz");
    internal static string BinanceWs => SharedData.RealFile("cryptofeed-binance-usdm", "BINANCE_FUTURES.ws.1.0.gz");
    internal static string BinanceHttp => SharedData.RealFile("cryptofeed-binance-usdm", "BINANCE_FUTURES.http.0.0.gz");

    internal static readonly string[] BybitLinear = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT"];
    internal static readonly string[] BinanceAlts = ["SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT"];

    internal static ReplayBookDriver BybitDriver(IMarketEventSink? downstream = null)
    {
        var driver = new ReplayBookDriver(new InstrumentCatalog(CryptofeedBybitReader.ReadInstrumentSpecs(BybitFile)), downstream);
        foreach (string s in BybitLinear) driver.AddSymbol(s, ExchangeName.Bybit);
        return driver;
    }

    internal static ReplayBookDriver BinanceAltsDriver(IMarketEventSink? downstream = null)
    {
        var driver = new ReplayBookDriver(new InstrumentCatalog(RecordedInstruments.CryptofeedBinanceAlts()), downstream);
        foreach (string s in BinanceAlts) driver.AddSymbol(s, ExchangeName.Binance);
        return driver;
    }

    [Test]
    public void ReadInstrumentSpecs_BybitRecording_LinearGridsFromItsHttpLines()
    {
        var specs = CryptofeedBybitReader.ReadInstrumentSpecs(BybitFile).ToDictionary(s => s.Symbol);
        Assert.That(specs, Has.Count.GreaterThan(100));
        Assert.Multiple(() =>
        {
            Assert.That((specs["BTCUSDT"].TickSize, specs["BTCUSDT"].QtyStep, specs["BTCUSDT"].MinNotional), Is.EqualTo((0.10m, 0.001m, 5m)));
            Assert.That((specs["ETHUSDT"].TickSize, specs["ETHUSDT"].QtyStep), Is.EqualTo((0.01m, 0.01m)));
            Assert.That((specs["DOGEUSDT"].TickSize, specs["DOGEUSDT"].QtyStep), Is.EqualTo((0.00001m, 1m)));
        });
    }

    [Test]
    public void Replay_BybitLinear_EveryTopicCountedNoGapNoCrossedBook()
    {
        var driver = BybitDriver();
        using var reader = new CryptofeedBybitReader(BybitFile, driver.Symbols, driver.Catalog);
        var c = reader.ReadAll(driver);
        TestContext.Out.WriteLine(c.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(c.Lines, Is.EqualTo(3_256));
            Assert.That(c.BookSnapshots, Is.EqualTo(4));
            Assert.That(c.BookDeltas, Is.EqualTo(413 + 420 + 382 + 379));
            Assert.That(c.Trades, Is.EqualTo(56 + 23 + 165 + 83));
            Assert.That(c.Tickers, Is.EqualTo(185 + 216 + 193 + 164));
            Assert.That(c.SkippedLines + c.UnknownLines, Is.Zero);
        });
        foreach (string s in BybitLinear)
        {
            driver.Symbols.TryGetId(s.AsSpan(), out int id);
            var stats = driver.Stats(id);
            TestContext.Out.WriteLine($"{s}: {stats}");
            Assert.That((stats.Gaps, stats.CrossedWhileValid, stats.CrossedDetected, stats.Syncs), Is.EqualTo((0L, 0L, 0L, 1L)), s);
            Assert.That(stats.DeltasApplied, Is.EqualTo(stats.Messages - 1), s);
            Assert.That(driver.Book(id).IsValid, Is.True, s);
        }
    }

    [Test]
    public void Replay_BinanceAltsWsMergedWithHttpSnapshots_NoGapEverySymbolSynced()
    {
        var driver = BinanceAltsDriver();
        using var reader = new CryptofeedBinanceReader(BinanceWs, BinanceHttp, driver.Symbols, driver.Catalog);
        var c = reader.ReadAll(driver);
        TestContext.Out.WriteLine(c.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(c.BookSnapshots, Is.EqualTo(4));
            Assert.That(c.BookDeltas, Is.EqualTo(764));
            Assert.That(c.Bbos, Is.EqualTo(613));
            Assert.That(c.Trades, Is.EqualTo(91));
            Assert.That(c.IgnoredLines, Is.EqualTo(67 + 1 + 1), "klines, the ws header line and the http file's blank last line");
            Assert.That(c.Lines, Is.EqualTo(1_536 + 5));
            Assert.That(c.SkippedLines + c.UnknownLines, Is.Zero);
        });
        foreach (string s in BinanceAlts)
        {
            driver.Symbols.TryGetId(s.AsSpan(), out int id);
            var stats = driver.Stats(id);
            TestContext.Out.WriteLine($"{s}: {stats}");
            Assert.That((stats.Gaps, stats.CrossedWhileValid, stats.CrossedDetected, stats.Syncs, stats.StaleSnapshots), Is.EqualTo((0L, 0L, 0L, 1L, 0L)), s);
            Assert.That(driver.Book(id).IsValid, Is.True, s);
        }
    }

    [Test]
    public void Replay_BinanceAlts_SnapshotsArriveInLocalTimeOrderAmongDiffs()
    {
        var driver = BinanceAltsDriver();
        var sink = new RecordingSink();
        using var reader = new CryptofeedBinanceReader(BinanceWs, BinanceHttp, driver.Symbols, driver.Catalog);
        reader.ReadAll(sink);
        var locals = sink.Books.Select(b => b.LocalTsNs).ToArray();
        Assert.That(locals, Is.Ordered, "the merged stream is in local receive order");
        var snapshots = sink.Books.Select((b, i) => (b, i)).Where(x => x.b.Kind == BookUpdateKind.Snapshot).ToArray();
        Assert.That(snapshots, Has.Length.EqualTo(4));
        Assert.That(snapshots.All(x => x.i > 0), Is.True, "diffs were received before each snapshot and must be buffered");
        Assert.That(snapshots[0].b.LocalTsNs, Is.EqualTo(1626992741_301402000));
    }

    [Test]
    public void Replay_BookTickerCsv_OneBboPerRowOnTheGrid()
    {
        var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
        var symbols = new SymbolTable();
        symbols.GetOrAdd("BTCUSDT");
        var sink = new RecordingSink();
        using var reader = new BinanceBookTickerCsvReader(SharedData.RealFile("binance-vision-bookticker", "BTCUSDT-bookTicker-2023-10-02-short.csv.gz"), symbols, catalog);
        var c = reader.ReadAll(sink);
        Assert.That(c.Bbos, Is.EqualTo(9_999));
        Assert.That(c.IgnoredLines, Is.EqualTo(1), "the header");
        Assert.That(sink.Bbos[0], Is.EqualTo(new BboEvent(0, 1696204800018_000000, 1696204800018_000000, 3319366863672, 279813, 12911, 279814, 7258)));
        Assert.That(sink.Bbos.All(b => b.BidTicks < b.AskTicks), Is.True);
        Assert.That(sink.Bbos.Select(b => b.UpdateId), Is.Ordered);
    }
}
