using System.Text.Json;
using System.Text.Json.Nodes;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Tests.Support;
using InstrumentCatalog = Smallfish.Exchanges.Abstractions.InstrumentCatalog; // Core has one of the same name

namespace Smallfish.Exchanges.Tests.Streams;

/// <summary>Binance streams over real WebSockets on loopback (public frames go to a stand-in parser, see <see cref="StandInParser"/>).</summary>
public sealed class BinanceStreamTests
{
    private static readonly MarketSubscription[] BookOnly = { new("BTCUSDT", MarketChannel.OrderBook) };

    private static StreamClientOptions Fast() => new()
    {
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        PublicStaleTimeout = TimeSpan.Zero,
    };

    private static InstrumentCatalog Catalog()
    {
        var c = new InstrumentCatalog();
        c.Add(new InstrumentSpec("BTCUSDT", 0.000001m, 0.001m, 0.001m, 5m)); // fits the depth fixture and the fill below
        return c;
    }

    private static async Task<(FakeBinance Fake, HttpClient Http, BinanceRestClient RestClient)> StartVenueAsync()
    {
        var fake = await FakeBinance.StartAsync();
        fake.Canned["GET /fapi/v1/depth"] = SharedFolder.Message("binance/rest_depth_snapshot.json");
        var http = new HttpClient();
        return (fake, http, Clients.Binance(http, fake, Catalog()));
    }

    private static BinanceStreamClient Client(FakeBinance fake, BinanceRestClient rest, StreamClientOptions? options = null, TimeProvider? clock = null) =>
        new(ExchangeEndpoints.Loopback(ExchangeKind.Binance, fake.Server.Port), rest, rest, Catalog(), options ?? Fast(), clock ?? TimeProvider.System, random: () => 0.5);

    private static string Depth(long first, long last, long prev) =>
        $"{{\"stream\":\"btcusdt@depth@100ms\",\"data\":{{\"e\":\"depthUpdate\",\"E\":{last},\"T\":{last},\"s\":\"BTCUSDT\",\"U\":{first},\"u\":{last},\"pu\":{prev},\"b\":[[\"4.000000\",\"1\"]],\"a\":[]}}}}";

    private static string[] Params(string json) => JsonDocument.Parse(json).RootElement.GetProperty("params").EnumerateArray().Select(a => a.GetString()!).ToArray();

    private static long U(string frame) => JsonDocument.Parse(frame).RootElement.GetProperty("data").GetProperty("u").GetInt64();

    [Test]
    public async Task StartPublic_RoutedStreams_SubscribeFramesThenRestSnapshotInOrder()
    {
        var (fake, http, rest) = await StartVenueAsync();
        await using var _ = fake;
        using var __ = http;
        await using var client = Client(fake, rest);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        var parser = new StandInParser(signal) { Recorder = recorder };
        var sink = new RecordingMarketSink(signal) { Recorder = recorder };
        await client.StartPublicAsync(new[] { new MarketSubscription("BTCUSDT", MarketChannel.OrderBook), new MarketSubscription("BTCUSDT", MarketChannel.Trades) }, parser, sink);

        var book = await fake.PublicRoute.NextAsync();
        var market = await fake.MarketRoute.NextAsync();
        Assert.That(Params(await book.ReceiveAsync()), Is.EqualTo(new[] { "btcusdt@depth@100ms" }));
        Assert.That(Params(await market.ReceiveAsync()), Is.EqualTo(new[] { "btcusdt@aggTrade" }));
        await book.SendAsync(SharedFolder.MessageEntry("binance/ws_control_messages.json", "subscribe_response"));
        string depth = SharedFolder.Message("binance/ws_combined_stream_wrapper.json");
        await book.SendAsync(depth);
        string agg = "{\"stream\":\"btcusdt@aggTrade\",\"data\":" + SharedFolder.Message("binance/ws_agg_trade.json") + "}";
        await market.SendAsync(agg);
        await signal.WaitUntilAsync(() => parser.Frames.Count == 2 && sink.Books.Count == 1, "two frames and one snapshot");

        Assert.That(parser.Frames.Select(f => f.Text), Is.EquivalentTo(new[] { depth, agg }));
        var snapshot = sink.Books.Single();
        Assert.That((snapshot.LastUpdateId, snapshot.Bids.PriceAt(0), snapshot.Asks.PriceAt(0)), Is.EqualTo((1027024L, 4_000_000L, 4_000_002L)));
        var kinds = recorder.Kinds;
        Assert.That(kinds.IndexOf("book"), Is.GreaterThan(kinds.IndexOf("frame")), "the snapshot is taken after diffs started to buffer");
        Assert.That(fake.Requests.Single(r => r.Path == "/fapi/v1/depth").Query, Is.EqualTo("symbol=BTCUSDT&limit=1000"));
        Assert.That(client.Statistics.Unknown + client.Statistics.Malformed, Is.Zero, "the subscribe ack is a control frame");
    }

    [Test]
    public async Task StartPublic_ServerDropsSocket_ResubscribesSignalsResyncThenFreshSnapshot()
    {
        var (fake, http, rest) = await StartVenueAsync();
        await using var _ = fake;
        using var __ = http;
        await using var client = Client(fake, rest);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        var parser = new StandInParser(signal) { Recorder = recorder };
        var sink = new RecordingMarketSink(signal) { Recorder = recorder };
        await client.StartPublicAsync(BookOnly, parser, sink);
        var first = await fake.PublicRoute.NextAsync();
        await first.ReceiveAsync();
        await first.SendAsync(Depth(1, 1, 0));
        await signal.WaitUntilAsync(() => sink.Books.Count == 1, "first snapshot");

        first.Abort();
        var second = await fake.PublicRoute.NextAsync();
        Assert.That(Params(await second.ReceiveAsync()), Is.EqualTo(new[] { "btcusdt@depth@100ms" }));
        await second.SendAsync(Depth(2, 2, 1));
        await signal.WaitUntilAsync(() => sink.Books.Count == 2, "second snapshot");

        Assert.That(recorder.Resyncs.Single(), Is.EqualTo(new StreamResyncSignal("BTCUSDT", false, ResyncReason.Reconnected)));
        var kinds = recorder.Kinds.Where(k => k is "frame" or "book" or "resync").ToList();
        Assert.That(kinds, Is.EqualTo(new[] { "frame", "book", "resync", "frame", "book" }));
        Assert.That(fake.Count("GET", "/fapi/v1/depth"), Is.EqualTo(2));
    }

    [Test]
    public async Task Cycle_LifetimeReached_NewConnectionFirstDuplicatesDroppedNoResync()
    {
        var (fake, http, rest) = await StartVenueAsync();
        await using var _ = fake;
        using var __ = http;
        var clock = new SimulatedClock();
        var options = Fast();
        options.BinanceCycleOverlap = TimeSpan.FromSeconds(5);
        await using var client = Client(fake, rest, options, clock);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        var parser = new StandInParser(signal);
        var sink = new RecordingMarketSink(signal);
        await client.StartPublicAsync(BookOnly, parser, sink);
        var old = await fake.PublicRoute.NextAsync();
        await old.ReceiveAsync();
        foreach (int u in new[] { 1, 2, 3 }) await old.SendAsync(Depth(u, u, u - 1));
        await signal.WaitUntilAsync(() => parser.Frames.Count == 3 && sink.Books.Count == 1, "three diffs and the snapshot");

        clock.Advance(options.BinanceConnectionLifetime);
        var fresh = await fake.PublicRoute.NextAsync();
        Assert.That(Params(await fresh.ReceiveAsync()), Is.EqualTo(new[] { "btcusdt@depth@100ms" }));
        Assert.That(old.Closed.IsCompleted, Is.False, "the new connection opens before the old one closes");
        await old.SendAsync(Depth(4, 4, 3));
        await signal.WaitUntilAsync(() => parser.Frames.Count == 4, "old connection still delivering");
        foreach (int u in new[] { 3, 4, 5 }) await fresh.SendAsync(Depth(u, u, u - 1));
        await client.CycleOverlapStarted.WaitAsync(TimeSpan.FromSeconds(10));
        await signal.WaitUntilAsync(() => parser.Frames.Count == 5 && client.Statistics.Duplicates == 2, "duplicates dropped");

        clock.Advance(options.BinanceCycleOverlap);
        await old.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await fresh.SendAsync(Depth(6, 6, 5));
        await signal.WaitUntilAsync(() => parser.Frames.Count == 6, "fresh connection delivering alone");

        Assert.That(parser.Frames.Select(f => U(f.Text)), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
        Assert.That(recorder.Resyncs, Is.Empty, "cycling loses nothing: no resync");
        Assert.That(client.Statistics.Reconnects, Is.Zero);
        Assert.That(recorder.Connections.Count(c => c.State == StreamConnectionState.Cycled), Is.EqualTo(1));
        Assert.That(fake.Count("GET", "/fapi/v1/depth"), Is.EqualTo(1), "no snapshot refetch on a planned cycle");
    }

    [Test]
    public async Task StartPublic_MoreStreamsThanPerConnectionLimit_SplitAcrossConnectionsMergedIntoOneStream()
    {
        var (fake, http, rest) = await StartVenueAsync();
        await using var _ = fake;
        using var __ = http;
        var options = Fast();
        options.BinanceMaxStreamsPerConnection = 2;
        options.FetchBookSnapshots = false;
        await using var client = Client(fake, rest, options);
        var signal = new Signal();
        var parser = new StandInParser(signal);
        var symbols = new[] { "AUSDT", "BUSDT", "CUSDT", "DUSDT", "EUSDT" };
        await client.StartPublicAsync(symbols.Select(s => new MarketSubscription(s, MarketChannel.BestBidOffer)).ToList(), parser, new RecordingMarketSink(signal));

        var sessions = new List<WsSession>();
        for (int i = 0; i < 3; i++) sessions.Add(await fake.PublicRoute.NextAsync());
        var subscribed = new List<string[]>();
        foreach (var s in sessions) subscribed.Add(Params(await s.ReceiveAsync()));
        Assert.That(subscribed.Select(p => p.Length).OrderBy(n => n), Is.EqualTo(new[] { 1, 2, 2 }));
        Assert.That(subscribed.SelectMany(p => p).OrderBy(p => p), Is.EqualTo(symbols.Select(s => s.ToLowerInvariant() + "@bookTicker")));
        for (int i = 0; i < sessions.Count; i++)
        {
            await sessions[i].SendAsync($"{{\"stream\":\"{subscribed[i][0]}\",\"data\":{{\"e\":\"bookTicker\",\"u\":{i + 1}}}}}");
        }
        await signal.WaitUntilAsync(() => parser.Frames.Count == 3, "one frame from each connection");
        Assert.That(fake.PublicRoute.ConnectionCount, Is.EqualTo(3));
    }

    [Test]
    public async Task StartPublic_SilentConnection_DroppedAfterStaleTimeoutAndReconnected()
    {
        var (fake, http, rest) = await StartVenueAsync();
        await using var _ = fake;
        using var __ = http;
        var clock = new SimulatedClock();
        var options = Fast();
        options.PublicStaleTimeout = TimeSpan.FromSeconds(30);
        options.StaleCheckInterval = TimeSpan.FromSeconds(5);
        options.ReconnectBaseDelay = TimeSpan.Zero;
        options.ReconnectMaxDelay = TimeSpan.Zero;
        options.FetchBookSnapshots = false;
        await using var client = Client(fake, rest, options, clock);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        var parser = new StandInParser(signal);
        await client.StartPublicAsync(BookOnly, parser, new RecordingMarketSink(signal));
        var first = await fake.PublicRoute.NextAsync();
        await first.ReceiveAsync();

        clock.Advance(TimeSpan.FromSeconds(25));
        await first.SendAsync(Depth(1, 1, 0));
        await signal.WaitUntilAsync(() => parser.Frames.Count == 1, "still connected after 25 s of silence");
        clock.Advance(TimeSpan.FromSeconds(25));
        await first.SendAsync(Depth(2, 2, 1));
        await signal.WaitUntilAsync(() => parser.Frames.Count == 2, "still connected: the frame at 25 s restarted the silence timer");
        Assert.That(client.Statistics.Reconnects, Is.Zero);
        clock.Advance(TimeSpan.FromSeconds(35));
        var second = await fake.PublicRoute.NextAsync();
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(Params(await second.ReceiveAsync()), Is.EqualTo(new[] { "btcusdt@depth@100ms" }));
        await signal.WaitUntilAsync(() => recorder.Resyncs.Count == 1, "resync after the stale drop");
        Assert.That(client.Statistics.Reconnects, Is.EqualTo(1));
    }

    [Test]
    public async Task StartPrivate_ListenKeyExpired_NewKeyAndReconnect()
    {
        var (fake, http, rest) = await StartVenueAsync();
        await using var _ = fake;
        using var __ = http;
        await using var client = Client(fake, rest);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        await client.StartPrivateAsync();

        var first = await fake.PrivateRoute.NextAsync();
        Assert.That(first.Path, Is.EqualTo("/private/ws/listen-key-1"));
        await first.SendAsync(SharedFolder.Message("binance/ws_listen_key_expired.json"));
        var second = await fake.PrivateRoute.NextAsync();
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(second.Path, Is.EqualTo("/private/ws/listen-key-2"));
        Assert.That(fake.Count("POST", "/fapi/v1/listenKey"), Is.EqualTo(2));
        Assert.That(fake.Count("PUT", "/fapi/v1/listenKey"), Is.EqualTo(1), "keep-alive after every reconnect");
        await signal.WaitUntilAsync(() => recorder.Resyncs.Count == 1, "private resync");
        Assert.That(recorder.Resyncs.Single().IsPrivate, Is.True);
    }

    [Test]
    public async Task StartPrivate_SimulatedClock_KeepAliveEveryThirtyMinutes()
    {
        var (fake, http, rest) = await StartVenueAsync();
        await using var _ = fake;
        using var __ = http;
        var clock = new SimulatedClock();
        await using var client = Client(fake, rest, clock: clock);
        var signal = new Signal();
        await client.StartPrivateAsync();
        await fake.PrivateRoute.NextAsync();

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.That(fake.Count("PUT", "/fapi/v1/listenKey"), Is.Zero);
        clock.Advance(TimeSpan.FromMinutes(1));
        await signal.WaitUntilAsync(() => fake.Count("PUT", "/fapi/v1/listenKey") == 1, "keep-alive at 30 min");
        clock.Advance(TimeSpan.FromMinutes(30));
        await signal.WaitUntilAsync(() => fake.Count("PUT", "/fapi/v1/listenKey") == 2, "keep-alive at 60 min");
        Assert.That(fake.Count("POST", "/fapi/v1/listenKey"), Is.EqualTo(1));
    }

    [Test]
    public async Task StartPrivate_UserDataFixtures_RaiseTypedEventsFillsOnce()
    {
        var (fake, http, rest) = await StartVenueAsync();
        await using var _ = fake;
        using var __ = http;
        await using var client = Client(fake, rest);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        await client.StartPrivateAsync();
        var session = await fake.PrivateRoute.NextAsync();

        var trade = JsonNode.Parse(SharedFolder.Message("binance/ws_order_trade_update.json"))!;
        var o = trade["o"]!;
        o["o"] = "LIMIT"; o["ot"] = "LIMIT"; o["f"] = "GTX"; o["p"] = "7100.5"; o["x"] = "TRADE"; o["X"] = "PARTIALLY_FILLED";
        o["l"] = "0.0005"; o["z"] = "0.0005"; o["L"] = "7100.5"; o["ap"] = "7100.5"; o["n"] = "0.0012"; o["t"] = 42; o["m"] = true;
        o["q"] = "0.001";
        await session.SendAsync(SharedFolder.Message("binance/ws_trade_lite.json"));
        await session.SendAsync(trade.ToJsonString());
        await session.SendAsync(trade.ToJsonString());
        await session.SendAsync(SharedFolder.Message("binance/ws_account_update.json"));
        await session.SendAsync(SharedFolder.Message("binance/ws_algo_update.json"));
        await signal.WaitUntilAsync(() => recorder.Positions.Count == 3 && recorder.Orders.Count == 2, "all events");

        var fill = recorder.Fills.Single();
        Assert.That((fill.ExecId, fill.ClientOrderId, fill.Side, fill.PriceTicks, fill.QtyLots, fill.Fee, fill.IsMaker), Is.EqualTo(("42", "TEST", Side.Sell, 7_100_500_000L, 0L, 0.0012m, true)));
        Assert.That(client.Statistics.Duplicates, Is.EqualTo(1), "the repeated trade event is dropped by trade id");
        Assert.That(recorder.Orders[0].Status, Is.EqualTo(OrderStatus.PartiallyFilled));
        Assert.That(recorder.Orders.Count, Is.EqualTo(2), "the repeated order event is still passed on (idempotent state)");
        Assert.That(recorder.Wallets.Single().Assets, Has.Count.EqualTo(2));
    }
}
