using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Core.Tests.Replay;

/// <summary>One depth message dropped from the real stream in memory, as a lost packet would.</summary>
public class GapInjectionTests
{
    private static HftBacktestSession BtcJuly => HftBacktestSession.Discover(SharedData.HftBacktestDir)
        .First(s => s.Symbol == "BTCUSDT" && s.Files.Count == 2);

    [Test]
    public void BinanceReplay_OneDiffDropped_GapDetectedAndBookInvalidToTheEnd()
    {
        var probe = new BookProbe();
        var driver = new ReplayBookDriver(new InstrumentCatalog(RecordedInstruments.BinanceUsdm()), probe);
        probe.Driver = driver;
        int id = driver.AddSymbol("BTCUSDT", ExchangeName.Binance);
        var drop = new DropNthDelta(driver, id, n: 2_000, onDropped: () => probe.WatchFrom = true);
        using (var reader = new HftBacktestBinanceReader(BtcJuly.Files, driver.Symbols, driver.Catalog)) reader.ReadAll(drop);

        var stats = driver.Stats(id);
        var book = driver.Book(id);
        Assert.That(drop.Dropped, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(stats.Gaps, Is.EqualTo(1), "the next diff's pu no longer matches");
            Assert.That(book.IsValid, Is.False);
            Assert.That(book.InvalidReason, Is.EqualTo(BookInvalidReason.SequenceGap));
            Assert.That(driver.Synchronizer(id).NeedsSnapshot, Is.True);
            Assert.That(probe.BookMessagesAfterWatch, Is.GreaterThan(5_000), "most of the session followed the drop");
            Assert.That(probe.ValidAfterWatch, Is.Zero, "no event after the drop saw a usable book");
            Assert.That(stats.CrossedWhileValid, Is.Zero);
        });
    }

    [Test]
    public void BinanceReplay_GapThenFreshSnapshot_ResyncsToExactlyTheUninterruptedBook()
    {
        // Two drivers read the same stream; the second loses one diff and, 500 diffs later, receives a snapshot taken
        // from the first (what a REST fetch at that moment would return, depth aside).
        var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
        var reference = new ReplayBookDriver(catalog);
        var gapped = new ReplayBookDriver(catalog);
        int rid = reference.AddSymbol("BTCUSDT", ExchangeName.Binance);
        int gid = gapped.AddSymbol("BTCUSDT", ExchangeName.Binance);
        var tee = new TeeWithResync(reference, gapped, rid, dropAt: 2_000, resyncAt: 2_500);
        using (var reader = new HftBacktestBinanceReader(BtcJuly.Files, reference.Symbols, catalog)) reader.ReadAll(tee);

        var stats = gapped.Stats(gid);
        Assert.That(tee.SawInvalidBeforeResync, Is.True);
        Assert.That((stats.Gaps, stats.Resyncs), Is.EqualTo((1L, 1L)));
        Assert.That(gapped.Book(gid).IsValid, Is.True);
        Assert.That(gapped.Book(gid).LastUpdateId, Is.EqualTo(reference.Book(rid).LastUpdateId));
        Assert.That(Books.Levels(gapped.Book(gid).Bids), Is.EqualTo(Books.Levels(reference.Book(rid).Bids)));
        Assert.That(Books.Levels(gapped.Book(gid).Asks), Is.EqualTo(Books.Levels(reference.Book(rid).Asks)));
    }

    [Test]
    public void BybitReplay_OneDeltaDropped_GapDetectedAndBookInvalidToTheEnd()
    {
        var probe = new BookProbe();
        var driver = CryptofeedReplayTests.BybitDriver(probe);
        probe.Driver = driver;
        driver.Symbols.TryGetId("BTCUSDT".AsSpan(), out int btc);
        driver.Symbols.TryGetId("ETHUSDT".AsSpan(), out int eth);
        var drop = new DropNthDelta(driver, btc, n: 100);
        using (var reader = new CryptofeedBybitReader(CryptofeedReplayTests.BybitFile, driver.Symbols, driver.Catalog)) reader.ReadAll(drop);

        var stats = driver.Stats(btc);
        Assert.That(drop.Dropped, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(stats.Gaps, Is.EqualTo(1));
            Assert.That(stats.Ignored, Is.EqualTo(413 - 100 - 1), "every later delta is refused until a new snapshot");
            Assert.That(driver.Book(btc).IsValid, Is.False);
            Assert.That(driver.Book(btc).InvalidReason, Is.EqualTo(BookInvalidReason.SequenceGap));
            Assert.That(driver.Synchronizer(btc).NeedsSnapshot, Is.True);
            Assert.That(driver.Book(eth).IsValid, Is.True, "other symbols are unaffected");
        });
    }

    /// <summary>Feeds a reference driver everything and a second driver everything but one diff, then a snapshot.</summary>
    private sealed class TeeWithResync(ReplayBookDriver reference, ReplayBookDriver gapped, int symbolId, int dropAt, int resyncAt) : IMarketEventSink
    {
        private int _deltas;

        public bool SawInvalidBeforeResync { get; private set; }

        public void OnBook(BookUpdate update)
        {
            reference.OnBook(update);
            bool isDelta = update.Kind == BookUpdateKind.Delta && update.SymbolId == symbolId;
            if (isDelta) _deltas++;
            if (!(isDelta && _deltas == dropAt)) gapped.OnBook(update);
            if (isDelta && _deltas > dropAt && _deltas < resyncAt && !gapped.Book(symbolId).IsValid) SawInvalidBeforeResync = true;
            if (isDelta && _deltas == resyncAt) gapped.OnBook(SnapshotOf(reference.Book(symbolId)));
        }

        public void OnTrade(in TradeEvent trade)
        {
        }

        public void OnBbo(in BboEvent bbo)
        {
        }

        public void OnTicker(in TickerEvent ticker)
        {
        }

        private static BookUpdate SnapshotOf(OrderBook book)
        {
            var s = new BookUpdate { SymbolId = book.SymbolId, Kind = BookUpdateKind.Snapshot, LastUpdateId = book.LastUpdateId };
            foreach (var (p, q) in Books.Levels(book.Bids)) s.Bids.Add(p, q);
            foreach (var (p, q) in Books.Levels(book.Asks)) s.Asks.Add(p, q);
            return s;
        }
    }
}
