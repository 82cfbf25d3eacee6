using System.Text;
using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Wire;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Bybit;

namespace Smallfish.Core.Tests.Wire;

/// <summary>The constructed scenario fixtures, parsed from JSON and applied through the synchronizers.</summary>
public class SyncScenarioFixtureTests
{
    // The scenarios use 0.05 price steps, so a 0.01 tick.
    private static readonly InstrumentSpec Spec = new("BTCUSDT", 0.01m, 0.1m, 0.1m, 0);

    private static (long, long)[] Expected(JsonElement levels) =>
        levels.EnumerateArray().Select(l => (Spec.Price.ToSteps(decimal.Parse(l[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture), MidpointRounding.ToEven),
            Spec.Qty.ToSteps(decimal.Parse(l[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture), MidpointRounding.ToEven))).ToArray();

    [Test]
    public void BybitScenario_SnapshotDeltasAndRestart_BookAfterEachMessage()
    {
        var symbols = new SymbolTable();
        symbols.GetOrAdd("BTCUSDT");
        var parser = new BybitMarketDataParser(symbols, new InstrumentCatalog([Spec]));
        var sync = new BybitBookSynchronizer(new OrderBook(Spec));
        var sink = new RecordingSink();
        using var doc = SharedData.Fixture("bybit/scenario_orderbook_snapshot_delta.json");
        var messages = doc.RootElement.GetProperty("message").GetProperty("messages").EnumerateArray().ToArray();
        var expected = doc.RootElement.GetProperty("message").GetProperty("expected_books").EnumerateArray().ToArray();
        var results = new List<BookSyncResult>();
        for (int i = 0; i < messages.Length; i++)
        {
            Assert.That(parser.Parse(Encoding.UTF8.GetBytes(messages[i].GetRawText()), 0, sink), Is.EqualTo(WireParseStatus.Ok));
            results.Add(sync.Apply(sink.Books[i]));
            Assert.That(Books.Levels(sync.Book.Bids), Is.EqualTo(Expected(expected[i].GetProperty("bids"))), $"bids after message {i}");
            Assert.That(Books.Levels(sync.Book.Asks), Is.EqualTo(Expected(expected[i].GetProperty("asks"))), $"asks after message {i}");
            Assert.That(sync.Book.IsValid, Is.True);
        }
        Assert.That(results, Is.EqualTo(new[] { BookSyncResult.Synced, BookSyncResult.Applied, BookSyncResult.Applied, BookSyncResult.Synced }));
    }

    [Test]
    public void BinanceScenario_BufferSnapshotChainAndGap_ActionsAndBookBeforeGap()
    {
        var symbols = new SymbolTable();
        int id = symbols.GetOrAdd("BTCUSDT");
        var parser = new BinanceMarketDataParser(symbols, new InstrumentCatalog([Spec]));
        var sync = new BinanceBookSynchronizer(new OrderBook(Spec));
        var sink = new RecordingSink();
        using var doc = SharedData.Fixture("binance/scenario_local_book_sync.json");
        var m = doc.RootElement.GetProperty("message");

        // All four events arrive before the snapshot and are buffered; the snapshot drops #1, applies #2 (straddles
        // lastUpdateId) and #3 (pu chains), and stops at #4 (pu 1012 != 1010): a gap, the book must be refetched.
        foreach (var e in m.GetProperty("buffered_events").EnumerateArray())
        {
            Assert.That(parser.Parse(Encoding.UTF8.GetBytes(e.GetRawText()), 0, sink), Is.EqualTo(WireParseStatus.Ok));
            Assert.That(sync.Apply(sink.Books[^1]), Is.EqualTo(BookSyncResult.Buffered));
        }
        var probe = new BinanceBookSynchronizer(new OrderBook(Spec));
        Assert.That(parser.Parse(Encoding.UTF8.GetBytes(m.GetProperty("snapshot").GetRawText()), 0, sink, id), Is.EqualTo(WireParseStatus.Ok));
        var snapshot = sink.Books[^1];

        // Without event #4 the sync ends valid with the expected book.
        foreach (var diff in sink.Books.Take(3)) probe.Apply(diff);
        Assert.That(probe.Apply(snapshot), Is.EqualTo(BookSyncResult.Synced));
        var before = m.GetProperty("expected_book_before_gap");
        Assert.That(Books.Levels(probe.Book.Bids), Is.EqualTo(Expected(before.GetProperty("bids"))));
        Assert.That(Books.Levels(probe.Book.Asks), Is.EqualTo(Expected(before.GetProperty("asks"))));
        Assert.That(probe.Book.IsValid, Is.True);

        // With it, the gap is detected and the book is not usable.
        Assert.That(sync.Apply(snapshot), Is.EqualTo(BookSyncResult.Gap));
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.NeedsSnapshot, Is.True);
        Assert.That(sync.GapCount, Is.EqualTo(1));
    }
}
