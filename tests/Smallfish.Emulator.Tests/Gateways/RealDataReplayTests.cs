using Smallfish.Emulator.Feed;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Abstractions;
using GatewayCatalog = Smallfish.Exchanges.Abstractions.InstrumentCatalog;

namespace Smallfish.Emulator.Tests.Gateways;

/// <summary>The emulator fed by real recordings (shared/data/real); the real clients sync their books from it.</summary>
public sealed class RealDataReplayTests
{
    private static async Task<(VenueEmulator Emulator, RecordedFeed Feed)> StartReplayAsync(string file)
    {
        var recording = MarketFeeds.OpenRecording(SharedFolder.Data(file));
        var options = new VenueEmulatorOptions { WebSocketKeepAlive = TimeSpan.Zero, FeedBookSync = recording.BookSync };
        foreach (var s in recording.Instruments) options.Instruments.Add(s);
        return (await VenueEmulator.StartAsync(options, recording.Source), recording);
    }

    private static async Task<(ExchangeClients Clients, ClientBook Book)> SyncAsync(VenueEmulator emulator, RecordedFeed recording, ExchangeKind kind, string symbol)
    {
        var lookup = new GatewayCatalog();
        for (int i = 0; i < recording.Instruments.Count; i++) lookup.Add(recording.Instruments[i], i);
        int id = recording.Instruments.Select(s => s.Symbol).ToList().IndexOf(symbol);
        var clients = new ExchangeClientFactory().Create(kind == ExchangeKind.Bybit ? "bybit" : "binance", emulator.Endpoints(kind), emulator.Credentials, lookup, Venues.FastRest(), Venues.FastStreams());
        var book = new ClientBook(kind, recording.Instruments[id], id);
        book.Attach(clients.Streams);
        var symbols = new Core.MarketData.SymbolTable();
        foreach (var s in recording.Instruments) symbols.GetOrAdd(s.Symbol);
        var catalog = new Core.Instruments.InstrumentCatalog(recording.Instruments);
        WireParserAdapter parser = kind == ExchangeKind.Bybit
            ? new WireParserAdapter(new Smallfish.Wire.Bybit.BybitMarketDataParser(symbols, catalog))
            : new WireParserAdapter(new Smallfish.Wire.Binance.BinanceMarketDataParser(symbols, catalog));
        await clients.Streams.StartPublicAsync(new[] { new MarketSubscription(symbol, MarketChannel.OrderBook, 200) }, parser, book);
        return (clients, book);
    }

    [TestCase(ExchangeKind.Binance)]
    [TestCase(ExchangeKind.Bybit)]
    public async Task HftBacktestBinanceRecording_Replayed_ClientBooksEqualTheVenue(ExchangeKind kind)
    {
        var (emulator, recording) = await StartReplayAsync("hftbacktest-binance-usdm/btcusdt_20240718.gz");
        await using var _ = emulator;
        for (int i = 0; i < 20_000 && emulator.GetBook("BTCUSDT", 1).Bids.Count == 0; i++) emulator.Feed.Step(); // until the REST snapshot line synced the venue
        Assert.That(emulator.GetBook("BTCUSDT", 1).Bids.Count, Is.EqualTo(1), "the venue's book is synced from the recording");

        var (clients, book) = await SyncAsync(emulator, recording, kind, "BTCUSDT");
        await using var __ = clients;
        await Eventually.UntilAsync(() => book.Matches(emulator.GetPublishedBook(kind, "BTCUSDT", 200)), "initial sync: " + book.Describe(emulator.GetPublishedBook(kind, "BTCUSDT", 200)));
        emulator.Feed.Step(3_000);
        await Eventually.UntilAsync(() => book.Matches(emulator.GetPublishedBook(kind, "BTCUSDT", 200)), "after 3000 recorded lines: " + book.Describe(emulator.GetPublishedBook(kind, "BTCUSDT", 200)));

        var top = emulator.GetBook("BTCUSDT", kind == ExchangeKind.Bybit ? 200 : 1000);
        Assert.That(book.Matches(top), Is.True, "the client holds the venue's own book");
        Assert.That(book.Book.Bids.Count, Is.GreaterThan(100));
        Assert.That(book.Gaps, Is.Zero);
    }

    [Test]
    public async Task CryptofeedBybitRecording_Replayed_BybitClientBookEqualsTheVenue()
    {
        var (emulator, recording) = await StartReplayAsync("cryptofeed-bybit-v5/BYBIT.jsonl.gz");
        await using var _ = emulator;
        string symbol = "BTCUSDT";
        Assume.That(recording.Instruments.Any(s => s.Symbol == symbol), Is.True);
        for (int i = 0; i < 5_000 && emulator.GetBook(symbol, 1).Bids.Count == 0; i++) emulator.Feed.Step();

        var (clients, book) = await SyncAsync(emulator, recording, ExchangeKind.Bybit, symbol);
        await using var __ = clients;
        emulator.Feed.Step(1_000);
        await Eventually.UntilAsync(() => book.Matches(emulator.GetPublishedBook(ExchangeKind.Bybit, symbol, 200)), "synced: " + book.Describe(emulator.GetPublishedBook(ExchangeKind.Bybit, symbol, 200)));
        Assert.That(book.Book.Asks.Count, Is.GreaterThan(10));
    }
}
