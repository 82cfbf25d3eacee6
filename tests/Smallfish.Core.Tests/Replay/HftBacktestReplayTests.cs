using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Core.Tests.Replay;

/// <summary>The hftbacktest Binance USD-M recordings, replayed in full through the Binance synchronizer.</summary>
public class HftBacktestReplayTests
{
    public static IEnumerable<TestCaseData> Sessions() =>
        HftBacktestSession.Discover(SharedData.HftBacktestDir)
            .Select(s => new TestCaseData(s).SetArgDisplayNames(string.Join("+", s.Files.Select(Path.GetFileName))));

    private static (ReplayBookDriver Driver, int Id, ReplayCounters Counters) Replay(HftBacktestSession session, IMarketEventSink? downstream = null)
    {
        var driver = new ReplayBookDriver(new InstrumentCatalog(RecordedInstruments.BinanceUsdm()), downstream);
        if (downstream is BookProbe probe) probe.Driver = driver;
        int id = driver.AddSymbol(session.Symbol, ExchangeName.Binance);
        using var reader = new HftBacktestBinanceReader(session.Files, driver.Symbols, driver.Catalog);
        var counters = reader.ReadAll(driver);
        return (driver, id, counters);
    }

    [Test]
    public void Discover_RealFolder_JulyDaysChainIntoOneSession()
    {
        var sessions = HftBacktestSession.Discover(SharedData.HftBacktestDir);
        Assert.That(sessions.Select(s => $"{s.Symbol}:{string.Join("+", s.Files.Select(Path.GetFileName))}"), Is.EquivalentTo(new[]
        {
            "BTCUSDT:btcusdt_20240718.gz+btcusdt_20240719.gz",
            "BTCUSDT:btcusdt_20240808.gz",
            "ETHUSDT:ethusdt_20240718.gz+ethusdt_20240719.gz",
            "ETHUSDT:ethusdt_20240808.gz",
        }));
    }

    [TestCaseSource(nameof(Sessions))]
    public void ReadAll_Session_EveryLineReadAsTheReadmeCounts(HftBacktestSession session)
    {
        var (_, _, counters) = Replay(session);
        var files = session.Files.Select(DataCounts.Of).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(counters.Lines, Is.EqualTo(files.Sum(f => f.Lines)));
            Assert.That(counters.BookDeltas, Is.EqualTo(files.Sum(f => f.Depth)));
            Assert.That(counters.Trades, Is.EqualTo(files.Sum(f => f.Trades)));
            Assert.That(counters.Bbos, Is.EqualTo(files.Sum(f => f.BookTickers)));
            Assert.That(counters.BookSnapshots, Is.EqualTo(files.Sum(f => f.Snapshots)));
            Assert.That(counters.SkippedLines + counters.UnknownLines + counters.IgnoredLines, Is.Zero);
        });
    }

    [TestCaseSource(nameof(Sessions))]
    public void Replay_Session_NoGapNoCrossedBookOneSyncValidToTheEnd(HftBacktestSession session)
    {
        var probe = new BookProbe();
        var (driver, id, _) = Replay(session, probe);
        var stats = driver.Stats(id);
        TestContext.Out.WriteLine($"{session.Symbol} {string.Join("+", session.Files.Select(Path.GetFileName))}: {stats}");
        Assert.Multiple(() =>
        {
            Assert.That(stats.Gaps, Is.Zero);
            Assert.That(stats.CrossedWhileValid, Is.Zero);
            Assert.That(stats.CrossedDetected, Is.Zero);
            Assert.That(stats.StaleSnapshots, Is.Zero);
            Assert.That(stats.Syncs, Is.EqualTo(1));
            Assert.That(stats.Resyncs, Is.Zero);
            Assert.That(driver.Book(id).IsValid, Is.True);
            // Everything after the snapshot was applied live: each diff either chained or (before the snapshot) was buffered.
            Assert.That(stats.DeltasApplied + stats.Buffered, Is.EqualTo(stats.Messages - 1));
        });
        // Every bookTicker after the sync found the book valid and uncrossed.
        var afterSync = probe.Bbos.SkipWhile(b => !b.Valid).ToList();
        Assert.That(afterSync.Count(b => !b.Valid), Is.Zero);
        Assert.That(afterSync.Count(b => b.Bid >= b.Ask), Is.Zero);
    }

    [TestCase("btcusdt")]
    [TestCase("ethusdt")]
    public void Replay_JulyPair_LastUOf0718IsFirstPuOf0719AndTheBookStaysSyncedAcross(string symbol)
    {
        string first = Path.Combine(SharedData.HftBacktestDir, symbol + "_20240718.gz");
        string second = Path.Combine(SharedData.HftBacktestDir, symbol + "_20240719.gz");
        var alone = Replay(new HftBacktestSession(symbol.ToUpperInvariant(), [first]));
        long lastU = alone.Driver.Book(alone.Id).LastUpdateId;
        Assert.That(alone.Driver.Book(alone.Id).IsValid, Is.True);

        var firstOfSecond = FirstDepth(second);
        Assert.That(firstOfSecond.PrevUpdateId, Is.EqualTo(lastU), "0719's first diff chains on 0718's last");

        var probe = new BookProbe();
        var both = Replay(new HftBacktestSession(symbol.ToUpperInvariant(), [first, second]), probe);
        var stats = both.Driver.Stats(both.Id);
        Assert.That(stats.Gaps, Is.Zero);
        Assert.That(stats.Syncs, Is.EqualTo(1), "no second snapshot was needed");
        Assert.That(stats.DeltasApplied, Is.EqualTo(alone.Driver.Stats(alone.Id).DeltasApplied + DataCounts.Of(second).Depth));
        Assert.That(both.Driver.Book(both.Id).IsValid, Is.True);
    }

    private static BookUpdate FirstDepth(string file)
    {
        var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
        var symbols = new SymbolTable();
        foreach (var s in catalog) symbols.GetOrAdd(s.Symbol);
        var sink = new RecordingSink();
        using var reader = new HftBacktestBinanceReader([file], symbols, catalog);
        while (sink.Books.Count == 0 && reader.ReadNext(sink))
        {
        }
        return sink.Books[0];
    }
}
