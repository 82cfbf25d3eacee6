using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Abstractions;

namespace Smallfish.Emulator.Tests.Gateways;

/// <summary>The real stream clients sync the book from the emulator over loopback and receive its trades, per exchange.</summary>
public sealed class MarketDataTests
{
    [Test]
    public async Task StartPublic_SyntheticFeedStepped_ClientBookEqualsEmulatorBook([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartAsync(Venues.Synthetic());
        Assert.That(emulator.Feed.Step(), Is.True, "the opening snapshot");
        await using var clients = Venues.Clients(emulator, kind);
        var book = await Venues.StartBookAsync(clients);
        await Venues.BookEqualAsync(emulator, book, kind, "initial sync");

        emulator.Feed.Step(400);
        await Venues.BookEqualAsync(emulator, book, kind, "after 400 steps");

        int depth = kind == ExchangeKind.Bybit ? 50 : 1000;
        var venueTop = emulator.GetBook("BTCUSDT", depth);
        Assert.Multiple(() =>
        {
            Assert.That(book.Matches(venueTop), Is.True, "the published book is the venue's own top " + depth + ": " + book.Describe(venueTop));
            Assert.That(book.Gaps, Is.Zero);
            Assert.That(clients.Streams.Statistics.Malformed + clients.Streams.Statistics.Unknown, Is.Zero);
        });
    }

    [Test]
    public async Task StartPublic_TradesPushed_ClientReceivesEachTradeInOrder([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartAsync();
        emulator.Market.OnBook(Venues.Snapshot(0, 600_000));
        await using var clients = Venues.Clients(emulator, kind);
        var book = await Venues.StartBookAsync(clients);
        await Venues.BookEqualAsync(emulator, book, kind, "sync");

        var sent = new[]
        {
            new TradeEvent(0, 0, 0, 600_001, 5, Side.Buy),
            new TradeEvent(0, 0, 0, 600_000, 7, Side.Sell),
            new TradeEvent(0, 0, 0, 600_002, 1_000, Side.Buy),
        };
        foreach (var t in sent) emulator.Market.OnTrade(t);
        await Eventually.UntilAsync(() => book.Trades.Count == sent.Length, "three trades");

        var received = book.Trades.ToArray();
        Assert.That(received.Select(t => (t.PriceTicks, t.QtyLots, t.Aggressor)), Is.EqualTo(sent.Select(t => (t.PriceTicks, t.QtyLots, t.Aggressor))));
        Assert.That(received.Select(t => t.ExchTsNs), Is.Ordered);
    }
}
