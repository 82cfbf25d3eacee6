using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Core.Tests.Replay;

/// <summary>
/// No recording here has a second snapshot to compare a rebuilt book with (each Binance session has one REST snapshot
/// at its start, the Bybit file one WebSocket snapshot per topic). The honest check the data allows runs the other
/// way: the diffs recorded BEFORE the REST snapshot fully determine every level they touched up to update id u, so
/// every level last set by a diff with u &lt; lastUpdateId (and not touched again by the diff that straddles
/// lastUpdateId) must appear in the snapshot with exactly that size, or be absent when the size was 0. Only levels
/// inside the snapshot's price range are checkable (it lists 1000 levels a side).
/// </summary>
public class SnapshotConsistencyTests
{
    public static IEnumerable<TestCaseData> Sessions() =>
        HftBacktestSession.Discover(SharedData.HftBacktestDir)
            .Where(s => DataCounts.Of(s.Files[0]).Snapshots == 1)
            .Select(s => new TestCaseData(s).SetArgDisplayNames(Path.GetFileName(s.Files[0])));

    [TestCaseSource(nameof(Sessions))]
    public void HftBacktestSnapshot_LevelsSetByEarlierDiffs_SameSizesInSnapshot(HftBacktestSession session)
    {
        var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
        var symbols = new SymbolTable();
        symbols.GetOrAdd(session.Symbol);
        var sink = new RecordingSink();
        using (var reader = new HftBacktestBinanceReader(session.Files.Take(1).ToList(), symbols, catalog)) reader.ReadAll(sink);
        var (checkedLevels, equal) = Check(sink.Books);
        TestContext.Out.WriteLine($"{Path.GetFileName(session.Files[0])}: {equal}/{checkedLevels} levels equal");
        Assert.That(checkedLevels, Is.GreaterThan(50));
        Assert.That(equal, Is.EqualTo(checkedLevels));
    }

    [Test]
    public void CryptofeedSnapshots_LevelsSetByEarlierDiffs_SameSizesInSnapshot()
    {
        var driver = CryptofeedReplayTests.BinanceAltsDriver();
        var sink = new RecordingSink();
        using (var reader = new CryptofeedBinanceReader(CryptofeedReplayTests.BinanceWs, CryptofeedReplayTests.BinanceHttp, driver.Symbols, driver.Catalog)) reader.ReadAll(sink);
        int total = 0;
        foreach (var group in sink.Books.GroupBy(b => b.SymbolId))
        {
            var (checkedLevels, equal) = Check(group.ToList());
            TestContext.Out.WriteLine($"{driver.Symbols.NameOf(group.Key)}: {equal}/{checkedLevels} levels equal");
            Assert.That(equal, Is.EqualTo(checkedLevels));
            total += checkedLevels;
        }
        TestContext.Out.WriteLine($"all: {total} levels checked");
    }

    private static (int Checked, int Equal) Check(List<BookUpdate> messages)
    {
        var snapshot = messages.Single(m => m.Kind == BookUpdateKind.Snapshot);
        long last = snapshot.LastUpdateId;
        var before = new Dictionary<(bool Bid, long Price), long>();
        var straddling = new HashSet<(bool, long)>();
        foreach (var d in messages.Where(m => m.Kind == BookUpdateKind.Delta).OrderBy(m => m.LastUpdateId))
        {
            if (d.LastUpdateId < last)
            {
                for (int i = 0; i < d.Bids.Count; i++) before[(true, d.Bids.PriceAt(i))] = d.Bids.QtyAt(i);
                for (int i = 0; i < d.Asks.Count; i++) before[(false, d.Asks.PriceAt(i))] = d.Asks.QtyAt(i);
            }
            else if (d.FirstUpdateId <= last)
            {
                for (int i = 0; i < d.Bids.Count; i++) straddling.Add((true, d.Bids.PriceAt(i)));
                for (int i = 0; i < d.Asks.Count; i++) straddling.Add((false, d.Asks.PriceAt(i)));
            }
        }
        var bids = Enumerable.Range(0, snapshot.Bids.Count).ToDictionary(i => snapshot.Bids.PriceAt(i), i => snapshot.Bids.QtyAt(i));
        var asks = Enumerable.Range(0, snapshot.Asks.Count).ToDictionary(i => snapshot.Asks.PriceAt(i), i => snapshot.Asks.QtyAt(i));
        long lowestBid = bids.Count > 0 ? bids.Keys.Min() : long.MaxValue, highestAsk = asks.Count > 0 ? asks.Keys.Max() : long.MinValue;
        int checkedLevels = 0, equal = 0;
        foreach (var ((bid, price), qty) in before)
        {
            if (straddling.Contains((bid, price))) continue;
            if (bid ? price < lowestBid : price > highestAsk) continue; // beyond the snapshot's 1000 levels
            checkedLevels++;
            long inSnapshot = (bid ? bids : asks).GetValueOrDefault(price);
            if (inSnapshot == qty) equal++;
        }
        return (checkedLevels, equal);
    }
}
