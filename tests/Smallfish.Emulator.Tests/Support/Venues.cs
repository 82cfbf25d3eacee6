using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Simulation.Synthetic;
using Smallfish.Emulator.Feed;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>Emulators and clients for the tests: loopback only, delays shrunk so tests take milliseconds.</summary>
internal static class Venues
{
    public static VenueEmulatorOptions Options()
    {
        var o = new VenueEmulatorOptions { WebSocketKeepAlive = TimeSpan.Zero, InitialBalance = 10_000m, MarginCheckLeverage = 10m };
        foreach (var s in TestInstruments.All) o.Instruments.Add(s);
        return o;
    }

    public static Task<VenueEmulator> StartAsync(IMarketFeedSource? feed = null, Action<VenueEmulatorOptions>? configure = null)
    {
        var o = Options();
        configure?.Invoke(o);
        return VenueEmulator.StartAsync(o, feed);
    }

    /// <summary>The labeled synthetic generator on BTCUSDT (symbol id 0).</summary>
    public static IMarketFeedSource Synthetic(long seed = 7) => MarketFeeds.Synthetic(new SyntheticMarketOptions
    {
        Seed = seed,
        Instrument = TestInstruments.Btc,
        SymbolId = 0,
        InitialPrice = 64_000m,
        Duration = TimeSpan.FromMinutes(30),
    });

    /// <summary>A hand-made snapshot: <paramref name="levels"/> levels a side, one tick apart, around bid <paramref name="bidTicks"/>.</summary>
    public static BookUpdate Snapshot(int symbolId, long bidTicks, int levels = 20, long lots = 1000)
    {
        var u = new BookUpdate { SymbolId = symbolId, Kind = BookUpdateKind.Snapshot, LastUpdateId = 1 };
        for (int i = 0; i < levels; i++)
        {
            u.Bids.Add(bidTicks - i, lots + i);
            u.Asks.Add(bidTicks + 1 + i, lots + i);
        }
        return u;
    }

    public static BookUpdate Delta(int symbolId, long id, (long Price, long Lots)[] bids, (long Price, long Lots)[] asks)
    {
        var u = new BookUpdate { SymbolId = symbolId, Kind = BookUpdateKind.Delta, LastUpdateId = id };
        foreach (var (p, q) in bids) u.Bids.Add(p, q);
        foreach (var (p, q) in asks) u.Asks.Add(p, q);
        return u;
    }

    public static RestClientOptions FastRest() => new()
    {
        RequestTimeout = TimeSpan.FromSeconds(5),
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
        DefaultRateLimitBackoff = TimeSpan.FromMilliseconds(100),
        RequestsPerSecond = 1000,
        RequestBurst = 1000,
    };

    public static StreamClientOptions FastStreams() => new()
    {
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        PublicStaleTimeout = TimeSpan.Zero,
        AckTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>The real gateway clients of <paramref name="kind"/>, built by the production factory and pointed at the emulator.</summary>
    public static ExchangeClients Clients(VenueEmulator emulator, ExchangeKind kind, RestClientOptions? rest = null, StreamClientOptions? streams = null) =>
        new ExchangeClientFactory().Create(kind == ExchangeKind.Bybit ? "bybit" : "binance", emulator.Endpoints(kind), emulator.Credentials,
            TestInstruments.Gateway(), rest ?? FastRest(), streams ?? FastStreams());

    /// <summary>Starts the public stream of BTCUSDT (book, trades, ticker) into a <see cref="ClientBook"/>.</summary>
    public static async Task<ClientBook> StartBookAsync(ExchangeClients clients, int depth = 50)
    {
        var book = new ClientBook(clients.Exchange, TestInstruments.Btc);
        book.Attach(clients.Streams);
        await clients.Streams.StartPublicAsync(new[]
        {
            new MarketSubscription("BTCUSDT", MarketChannel.OrderBook, depth),
            new MarketSubscription("BTCUSDT", MarketChannel.Trades),
            new MarketSubscription("BTCUSDT", MarketChannel.Ticker),
        }, WireFrameParser.Create(clients.Exchange), book);
        return book;
    }

    /// <summary>What the emulator published on the book stream the client syncs from.</summary>
    public static BookUpdate Published(VenueEmulator emulator, ExchangeKind kind, int depth = 50) =>
        emulator.GetPublishedBook(kind, "BTCUSDT", depth);

    /// <summary>Waits until the client's book equals what the emulator published (and, for Bybit, the venue's top N).</summary>
    public static Task BookEqualAsync(VenueEmulator emulator, ClientBook book, ExchangeKind kind, string what, int depth = 50) =>
        Eventually.UntilAsync(() => book.Matches(Published(emulator, kind, depth)), what + ": " + book.Describe(Published(emulator, kind, depth)));

    public static InstrumentSpec Spec(int symbolId) => TestInstruments.All[symbolId];

    public static EmulatorSurfaces Surface(ExchangeKind kind) => kind == ExchangeKind.Bybit ? EmulatorSurfaces.Bybit : EmulatorSurfaces.Binance;

    /// <summary>Clients with the private stream started and subscribed at the emulator.</summary>
    public static async Task<(ExchangeClients Clients, PrivateRecorder Events)> StartPrivateAsync(VenueEmulator emulator, ExchangeKind kind, RestClientOptions? rest = null, StreamClientOptions? streams = null)
    {
        var clients = Clients(emulator, kind, rest, streams);
        var events = new PrivateRecorder(clients.Streams);
        await clients.Streams.StartPrivateAsync();
        await Eventually.UntilAsync(() => emulator.PrivateSubscribers(Surface(kind)) == 1, "private stream subscribed");
        return (clients, events);
    }

    /// <summary>An emulator with a 20-level BTCUSDT book: best bid 60000.0 (600000 ticks), best ask 60000.1; level i holds 1 BTC + i lots.</summary>
    public static async Task<VenueEmulator> StartWithBookAsync(Action<VenueEmulatorOptions>? configure = null)
    {
        var emulator = await StartAsync(null, configure);
        emulator.Market.OnBook(Snapshot(0, 600_000));
        return emulator;
    }

    public static Smallfish.Core.Domain.OrderRequest Limit(string id, Smallfish.Core.Domain.Side side, long priceTicks, long lots,
        Smallfish.Core.Domain.TimeInForce tif = Smallfish.Core.Domain.TimeInForce.PostOnly, bool reduceOnly = false) =>
        new(id, "BTCUSDT", side, Smallfish.Core.Domain.OrderType.Limit, tif, priceTicks, lots, 0, reduceOnly, Smallfish.Core.Domain.OrderRole.Entry);

    public static Smallfish.Core.Domain.OrderRequest Market(string id, Smallfish.Core.Domain.Side side, long lots, bool reduceOnly = false) =>
        new(id, "BTCUSDT", side, Smallfish.Core.Domain.OrderType.Market, Smallfish.Core.Domain.TimeInForce.ImmediateOrCancel, 0, lots, 0, reduceOnly,
            reduceOnly ? Smallfish.Core.Domain.OrderRole.Exit : Smallfish.Core.Domain.OrderRole.Entry);
}
