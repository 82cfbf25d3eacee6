using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Core.Tests.Replay;

/// <summary>
/// The rebuilt book against the exchanges' own top-of-book streams. Binance's bookTicker carries the order-book update
/// id <c>u</c>, so wherever a bookTicker's u equals the u of a depth diff the book applied, the book's best bid and ask
/// at that u must be exactly the bookTicker's. Bybit's tickers carry bid1/ask1 with the cross sequence <c>cs</c>, which
/// orders them against the order book's <c>seq</c>.
/// </summary>
public class BboCrossCheckTests
{
    public static IEnumerable<TestCaseData> Sessions() =>
        HftBacktestSession.Discover(SharedData.HftBacktestDir)
            .Select(s => new TestCaseData(s).SetArgDisplayNames(string.Join("+", s.Files.Select(Path.GetFileName))));

    [TestCaseSource(nameof(Sessions))]
    public void BinanceBookTicker_AtEveryDepthUpdateIdItNames_BookBestBidAskEqual(HftBacktestSession session)
    {
        var probe = new BookProbe();
        var driver = new ReplayBookDriver(new InstrumentCatalog(RecordedInstruments.BinanceUsdm()), probe);
        probe.Driver = driver;
        int id = driver.AddSymbol(session.Symbol, ExchangeName.Binance);
        using (var reader = new HftBacktestBinanceReader(session.Files, driver.Symbols, driver.Catalog)) reader.ReadAll(driver);

        // Join every bookTicker with the book state after the diff whose final update id is the same u, wherever that
        // diff sits in the file (bookTicker and depth are separate streams; either may arrive first).
        var byU = new Dictionary<long, (long Bid, long Ask)>();
        foreach (var s in probe.States[id]) byU[s.U] = (s.Bid, s.Ask);
        int comparable = 0, equal = 0;
        var mismatches = new List<string>();
        foreach (var (bbo, _, _, _, _) in probe.Bbos)
        {
            if (!byU.TryGetValue(bbo.UpdateId, out var book)) continue;
            comparable++;
            if (book.Bid == bbo.BidTicks && book.Ask == bbo.AskTicks) equal++;
            else mismatches.Add($"u={bbo.UpdateId} book {book.Bid}/{book.Ask} bookTicker {bbo.BidTicks}/{bbo.AskTicks}");
        }

        // The streaming form of the same check: at a bookTicker's arrival the book's last u is the bookTicker's u.
        int streamed = 0, streamedEqual = 0, atArrival = 0, atArrivalEqual = 0;
        foreach (var (bbo, valid, bookU, bid, ask) in probe.Bbos)
        {
            if (!valid) continue;
            atArrival++;
            if (bid == bbo.BidTicks && ask == bbo.AskTicks) atArrivalEqual++;
            if (bookU != bbo.UpdateId) continue;
            streamed++;
            if (bid == bbo.BidTicks && ask == bbo.AskTicks) streamedEqual++;
        }
        TestContext.Out.WriteLine($"{session.Symbol}: {probe.Bbos.Count} bookTickers; same u as an applied diff: {comparable}, equal {equal}; " +
            $"same u at arrival: {streamed}, equal {streamedEqual}; any u at arrival (not comparable, for information): {atArrivalEqual}/{atArrival}");

        Assert.That(comparable, Is.GreaterThan(500), "enough comparable points for the check to mean something");
        Assert.That(mismatches, Is.Empty);
        Assert.That(streamedEqual, Is.EqualTo(streamed));
    }

    [Test]
    public void BybitTickers_Bid1Ask1AgainstBookAtTheSameCrossSequence_AgreeOrLeadByOnePush()
    {
        var probe = new BookProbe();
        var driver = CryptofeedReplayTests.BybitDriver(probe);
        probe.Driver = driver;
        using (var reader = new CryptofeedBybitReader(CryptofeedReplayTests.BybitFile, driver.Symbols, driver.Catalog, emitTickerBbo: true)) reader.ReadAll(driver);

        int comparable = 0, equalAtOrBefore = 0, equalEitherSide = 0;
        foreach (string symbol in CryptofeedReplayTests.BybitLinear)
        {
            driver.Symbols.TryGetId(symbol.AsSpan(), out int id);
            var states = probe.States[id]; // in seq order: one entry per orderbook.200 push
            var seqs = states.Select(s => s.Seq).ToArray();
            int c = 0, atOrBefore = 0, either = 0;
            foreach (var (bbo, _, _, _, _) in probe.Bbos.Where(b => b.Bbo.SymbolId == id))
            {
                // The book as of the ticker's cross sequence is the last push with seq <= cs.
                int k = Array.BinarySearch(seqs, bbo.UpdateId);
                if (k < 0) k = ~k - 1;
                if (k < 0 || k + 1 >= states.Count) continue; // before the first push, or after the last
                c++;
                bool now = states[k].Bid == bbo.BidTicks && states[k].Ask == bbo.AskTicks;
                bool next = states[k + 1].Bid == bbo.BidTicks && states[k + 1].Ask == bbo.AskTicks;
                if (now) atOrBefore++;
                if (now || next) either++;
            }
            TestContext.Out.WriteLine($"{symbol}: {c} ticker quotes; equal to the book at seq <= cs: {atOrBefore}; equal to that or the next push: {either}");
            comparable += c;
            equalAtOrBefore += atOrBefore;
            equalEitherSide += either;
        }
        TestContext.Out.WriteLine($"all: {equalAtOrBefore}/{comparable} = {100.0 * equalAtOrBefore / comparable:F2}% at seq <= cs; {equalEitherSide}/{comparable} with the next push");

        // orderbook.200 is pushed every 100 ms, so a ticker can report a move the book stream pushes only next time:
        // exact agreement is with the book at seq <= cs or the next push, for every quote.
        Assert.That(comparable, Is.GreaterThan(500));
        Assert.That(equalEitherSide, Is.EqualTo(comparable));
        Assert.That(equalAtOrBefore, Is.GreaterThanOrEqualTo(comparable * 99 / 100));
    }
}
