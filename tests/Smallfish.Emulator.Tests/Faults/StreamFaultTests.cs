using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Abstractions;

namespace Smallfish.Emulator.Tests.Faults;

/// <summary>Stream faults injected by the emulator and the client behaviour the issue names: reconnect, resync, renewal.</summary>
public sealed class StreamFaultTests
{
    [Test]
    public async Task DropConnections_Public_ClientReconnectsAndBookEqualsEmulatorsAgain([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartAsync(Venues.Synthetic(11));
        emulator.Feed.Step();
        await using var clients = Venues.Clients(emulator, kind);
        var book = await Venues.StartBookAsync(clients);
        await Venues.BookEqualAsync(emulator, book, kind, "initial sync");
        int snapshotsBefore = book.Snapshots;

        int dropped = emulator.Faults.DropConnections(Venues.Surface(kind), EmulatorStreamKind.Public);
        Assert.That(dropped, Is.GreaterThanOrEqualTo(1));
        emulator.Feed.Step(200); // the market moves on while the client is away
        await Eventually.UntilAsync(() => clients.Streams.Statistics.Reconnects >= 1, "a reconnect");
        await Venues.BookEqualAsync(emulator, book, kind, "after the reconnect");
        emulator.Feed.Step(200);
        await Venues.BookEqualAsync(emulator, book, kind, "after more steps");

        Assert.That(book.ResyncSignals, Is.GreaterThanOrEqualTo(1), "the client told its consumer to drop the book");
        Assert.That(book.Snapshots, Is.GreaterThan(snapshotsBefore), "a fresh snapshot rebuilt it");
    }

    [Test]
    public async Task SkipNextBookDelta_SequenceGap_ClientResyncsAndBookEqualsAgain([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartAsync(Venues.Synthetic(12));
        emulator.Feed.Step();
        await using var clients = Venues.Clients(emulator, kind);
        var book = await Venues.StartBookAsync(clients);
        await Venues.BookEqualAsync(emulator, book, kind, "initial sync");
        int snapshotsBefore = book.Snapshots;

        emulator.Faults.SkipNextBookDelta(Venues.Surface(kind), "BTCUSDT");
        for (int i = 0; i < 1000 && emulator.Statistics.FramesSkipped == 0; i++) emulator.Feed.Step();
        Assert.That(emulator.Statistics.FramesSkipped, Is.EqualTo(1));
        for (int i = 0; i < 1000 && book.Gaps == 0; i++)
        {
            emulator.Feed.Step(); // the next delta shows the gap
            await Task.Yield();
        }
        await Eventually.UntilAsync(() => book.Gaps >= 1, "the gap seen by the synchronizer");
        emulator.Feed.Step(50);
        await Venues.BookEqualAsync(emulator, book, kind, "after the resync");
        await book.DrainAsync();

        Assert.That(book.Snapshots, Is.GreaterThan(snapshotsBefore), "resynced from a fresh snapshot");
        Assert.That(clients.Streams.Statistics.Reconnects, Is.Zero, "a gap is healed without reconnecting");
    }

    [Test]
    public async Task DropConnections_Private_ClientReconnectsResyncsAndReceivesLaterUpdates([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind);
        await using var _ = clients;

        emulator.Faults.DropConnections(Venues.Surface(kind), EmulatorStreamKind.Private);
        await Eventually.UntilAsync(() => events.Resyncs.Any(r => r.IsPrivate && r.Reason == ResyncReason.Reconnected), "a private resync signal");
        await Eventually.UntilAsync(() => emulator.PrivateSubscribers(Venues.Surface(kind)) == 1, "private stream back");

        Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Limit("sf2-0-1-E0", Side.Buy, 599_990, 10))).Success, Is.True);
        await Eventually.UntilAsync(() => events.Has("sf2-0-1-E0", OrderStatus.New), "an update after the reconnect");
    }

    [Test]
    public async Task ExpireListenKeys_ClientRenewsKeyAndReconnects_UpdatesFlowAgain()
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, ExchangeKind.Binance);
        await using var _ = clients;
        Assert.That(emulator.ListenKeysCreated, Is.EqualTo(1));

        Assert.That(emulator.Faults.ExpireListenKeys(), Is.EqualTo(1));
        await Eventually.UntilAsync(() => emulator.ListenKeysCreated == 2, "a new listen key");
        await Eventually.UntilAsync(() => emulator.PrivateSubscribers(EmulatorSurfaces.Binance) == 1, "the user stream on the new key");
        Assert.That(emulator.Statistics.Connections("/private/ws"), Is.EqualTo(2));

        Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Limit("sf2-0-2-E0", Side.Buy, 599_990, 10))).Success, Is.True);
        await Eventually.UntilAsync(() => events.Has("sf2-0-2-E0", OrderStatus.New), "an update on the renewed stream");
        Assert.That((await clients.ListenKeys!.KeepAliveListenKeyAsync()).Success, Is.True, "the renewed key is alive");
    }

    [Test]
    public async Task FrameDelay_Set_FramesArriveNoEarlierThanTheDelay([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var clients = Venues.Clients(emulator, kind);
        var book = await Venues.StartBookAsync(clients);
        await Venues.BookEqualAsync(emulator, book, kind, "sync");

        emulator.Faults.FrameDelay = TimeSpan.FromMilliseconds(250);
        long sentNs = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        emulator.Market.OnTrade(new TradeEvent(0, 0, 0, 600_001, 3, Side.Buy));
        await Eventually.UntilAsync(() => book.Trades.Count == 1, "the delayed trade");
        Assert.That((book.Trades.Single().LocalTsNs - sentNs) / 1_000_000, Is.GreaterThanOrEqualTo(240));
    }
}
