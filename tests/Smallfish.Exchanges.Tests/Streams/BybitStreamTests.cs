using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Streams;

/// <summary>Bybit streams over real WebSockets on loopback (public frames go to a stand-in parser, see <see cref="StandInParser"/>).</summary>
public sealed class BybitStreamTests
{
    private static readonly MarketSubscription[] BookAndTrades =
    {
        new("BTCUSDT", MarketChannel.OrderBook, 50),
        new("BTCUSDT", MarketChannel.Trades),
    };

    private static StreamClientOptions Fast() => new()
    {
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        PublicStaleTimeout = TimeSpan.Zero,
        PrivateStaleTimeout = TimeSpan.Zero,
    };

    private static BybitStreamClient Client(FakeBybit fake, StreamClientOptions? options = null, TimeProvider? clock = null) =>
        new(ExchangeEndpoints.Loopback(ExchangeKind.Bybit, fake.Server.Port), new ApiCredentials(FakeBybit.ApiKey, FakeBybit.Secret),
            TestInstruments.Catalog(), options ?? Fast(), clock ?? TimeProvider.System, random: () => 0.5);

    [Test]
    public async Task StartPublic_SubscribeAndReceive_FramesReachParserInOrderWithReceiveTimestamps()
    {
        await using var fake = await FakeBybit.StartAsync();
        await using var client = Client(fake);
        var signal = new Signal();
        var parser = new StandInParser(signal);
        await client.StartPublicAsync(BookAndTrades, parser, new RecordingMarketSink(signal));

        var session = await fake.Public.NextAsync();
        using (var subscribe = JsonDocument.Parse(await session.ReceiveAsync()))
        {
            Assert.That(subscribe.RootElement.GetProperty("op").GetString(), Is.EqualTo("subscribe"));
            Assert.That(subscribe.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "orderbook.50.BTCUSDT", "publicTrade.BTCUSDT" }));
        }
        string snapshot = SharedFolder.Message("bybit/ws_orderbook50_snapshot.json");
        string delta = SharedFolder.Message("bybit/ws_orderbook50_delta.json");
        string trade = SharedFolder.Message("bybit/ws_public_trade.json");
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * TimeProviderExtensions.NsPerMs;
        await session.SendAsync(SharedFolder.MessageEntry("bybit/ws_control_messages.json", "subscribe_response_public_linear"));
        await session.SendAsync(snapshot);
        await session.SendAsync("pong?? not json");
        await session.SendAsync("{\"topic\":\"garbage\"}");
        await session.SendAsync(delta);
        await session.SendAsync(trade);
        await signal.WaitUntilAsync(() => parser.Frames.Count == 4, "data frames");

        var frames = parser.Frames.Where(f => !f.Text.Contains("garbage", StringComparison.Ordinal)).ToList();
        Assert.That(frames.Select(f => f.Text), Is.EqualTo(new[] { snapshot, delta, trade }), "byte-exact, in order; the control ack is not a data frame");
        Assert.That(frames.All(f => f.LocalTsNs >= before), Is.True);
        Assert.That(frames.Select(f => f.LocalTsNs), Is.Ordered);
        Assert.That(client.Statistics.FramesReceived, Is.EqualTo(6));
        Assert.That(client.Statistics.Malformed, Is.EqualTo(2), "an unreadable control frame and a frame the parser rejected: counted, not fatal");
    }

    [Test]
    public async Task StartPublic_ServerDropsSocket_ReconnectsResubscribesAndSignalsResyncBeforeNewFrames()
    {
        await using var fake = await FakeBybit.StartAsync();
        await using var client = Client(fake);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        var parser = new StandInParser(signal) { Recorder = recorder };
        await client.StartPublicAsync(BookAndTrades, parser, new RecordingMarketSink(signal));
        var first = await fake.Public.NextAsync();
        string subscribe = await first.ReceiveAsync();
        await first.SendAsync(SharedFolder.Message("bybit/ws_orderbook50_snapshot.json"));
        await signal.WaitUntilAsync(() => parser.Frames.Count == 1, "first frame");

        first.Abort();
        var second = await fake.Public.NextAsync();
        Assert.That(Args(await second.ReceiveAsync()), Is.EqualTo(Args(subscribe)), "same topics resubscribed");
        await second.SendAsync(SharedFolder.Message("bybit/ws_orderbook50_snapshot.json"));
        await signal.WaitUntilAsync(() => parser.Frames.Count == 2, "frame after reconnect");

        var resync = recorder.Resyncs.Single();
        Assert.That(resync, Is.EqualTo(new StreamResyncSignal("BTCUSDT", false, ResyncReason.Reconnected)));
        var kinds = recorder.Kinds;
        Assert.That(kinds.IndexOf("resync"), Is.LessThan(kinds.LastIndexOf("frame")), "resync before the new connection's snapshot");
        Assert.That(kinds.IndexOf("resync"), Is.GreaterThan(kinds.IndexOf("frame")));
        Assert.That(client.Statistics.Reconnects, Is.EqualTo(1));
        Assert.That(recorder.Connections.Select(c => c.State), Is.EqualTo(new[] { StreamConnectionState.Connected, StreamConnectionState.Disconnected, StreamConnectionState.Connected }));
    }

    [Test]
    public async Task StartPublic_SimulatedClock_JsonPingEveryTwentySeconds()
    {
        await using var fake = await FakeBybit.StartAsync();
        var clock = new SimulatedClock();
        await using var client = Client(fake, clock: clock);
        var signal = new Signal();
        await client.StartPublicAsync(BookAndTrades, new StandInParser(signal), new RecordingMarketSink(signal));
        var session = await fake.Public.NextAsync();
        await session.ReceiveAsync();

        clock.Advance(TimeSpan.FromSeconds(19.9));
        Assert.That(client.Statistics.PingsSent, Is.Zero);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await signal.WaitUntilAsync(() => session.AutoRepliedCount == 1, "first ping at 20 s");
        clock.Advance(TimeSpan.FromSeconds(40));
        await signal.WaitUntilAsync(() => session.AutoRepliedCount == 3, "pings at 40 s and 60 s");

        Assert.That(client.Statistics.PingsSent, Is.EqualTo(3));
        Assert.That(session.TryReceive(out _), Is.False, "nothing but subscribe and pings was sent");
    }

    [Test]
    public async Task StartPrivate_AuthThenSubscribe_FixturesRaiseTypedEvents()
    {
        await using var fake = await FakeBybit.StartAsync();
        await using var client = Client(fake);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        await client.StartPrivateAsync();

        var session = await fake.AcceptPrivateAsync();
        using (var subscribe = JsonDocument.Parse(await session.ReceiveAsync()))
        {
            Assert.That(subscribe.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "order", "execution", "position", "wallet" }));
        }
        string orderItem;
        using (var doc = JsonDocument.Parse(SharedFolder.Message("bybit/rest_order_history_postonly_cancelled.json")))
        {
            orderItem = doc.RootElement.GetProperty("result").GetProperty("list")[0].GetRawText();
        }
        await session.SendAsync("{\"topic\":\"order\",\"id\":\"1\",\"creationTime\":1,\"data\":[" + orderItem + "]}");
        await session.SendAsync("{not json garbage");
        await session.SendAsync(SharedFolder.Message("bybit/ws_execution_linear.json"));
        await session.SendAsync("{\"topic\":\"dcp\",\"data\":[]}");
        await session.SendAsync(SharedFolder.Message("bybit/ws_position_linear.json"));
        await session.SendAsync(SharedFolder.Message("bybit/ws_wallet.json"));
        await signal.WaitUntilAsync(() => recorder.Wallets.Count == 1, "wallet event");

        var order = recorder.Orders.Single();
        Assert.That((order.ClientOrderId, order.Status, order.Reject, order.FilledLots), Is.EqualTo(("YLxaWKMiHU", OrderStatus.Expired, RejectReason.PostOnlyWouldTake, 0L)));
        var fill = recorder.Fills.Single();
        Assert.That((fill.ExecId, fill.Symbol, fill.Side, fill.PriceTicks, fill.QtyLots, fill.Fee, fill.IsMaker), Is.EqualTo(("0ab1bdf7-4219-438b-b30a-32ec863018f7", "BTCUSDT", Side.Sell, 959_001L, 500L, 26.3725275m, false)));
        Assert.That(fill.TsNs, Is.EqualTo(1746270400353L * TimeProviderExtensions.NsPerMs));
        Assert.That(recorder.Positions.Single().Symbol, Is.EqualTo("BTCUSDT"));
        Assert.That(recorder.Wallets.Single().TotalEquity, Is.EqualTo(10262.91335023m));
        Assert.That((client.Statistics.Malformed, client.Statistics.Unknown), Is.EqualTo((1L, 1L)), "bad frames counted, never fatal");
        Assert.That(recorder.Kinds.Where(k => k != "connection"), Is.EqualTo(new[] { "order", "fill", "position", "wallet" }));
    }

    [Test]
    public async Task StartPrivate_AuthRefused_ReportsAuthFailedAndRetries()
    {
        await using var fake = await FakeBybit.StartAsync();
        await using var client = Client(fake);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        await client.StartPrivateAsync();

        var first = await fake.Private.NextAsync();
        await first.ReceiveAsync();
        await first.SendAsync(SharedFolder.MessageEntry("bybit/rest_error_examples.json", "ws_auth_params_error"));
        var second = await fake.AcceptPrivateAsync();
        Assert.That(JsonDocument.Parse(await second.ReceiveAsync()).RootElement.GetProperty("op").GetString(), Is.EqualTo("subscribe"));

        await signal.WaitUntilAsync(() => recorder.Connections.Any(c => c.State == StreamConnectionState.AuthFailed), "auth failure event");
        Assert.That(recorder.Connections.First(c => c.State == StreamConnectionState.AuthFailed).Detail, Is.EqualTo("Params Error"));
    }

    [Test]
    public async Task StartPrivate_ServerDropsSocket_ReauthenticatesAndSignalsPrivateResync()
    {
        await using var fake = await FakeBybit.StartAsync();
        await using var client = Client(fake);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        await client.StartPrivateAsync();
        var first = await fake.AcceptPrivateAsync();
        await first.ReceiveAsync();

        first.Abort();
        var second = await fake.AcceptPrivateAsync();
        await second.ReceiveAsync();
        await signal.WaitUntilAsync(() => recorder.Resyncs.Count == 1, "private resync");

        Assert.That(recorder.Resyncs.Single(), Is.EqualTo(new StreamResyncSignal(null, true, ResyncReason.Reconnected)));
    }

    [Test]
    public async Task StartPublic_FloodWithSlowConsumer_QueueBoundedDropsCountedResyncAndResubscribe()
    {
        await using var fake = await FakeBybit.StartAsync();
        var options = Fast();
        options.PublicQueueCapacity = 16;
        await using var client = Client(fake, options);
        var signal = new Signal();
        var recorder = new StreamRecorder(client, signal);
        using var gate = new ManualResetEventSlim(false);
        var parser = new StandInParser(signal) { Gate = gate };
        await client.StartPublicAsync(BookAndTrades, parser, new RecordingMarketSink(signal));
        var session = await fake.Public.NextAsync();
        await session.ReceiveAsync();

        const int flood = 2000;
        string frame = SharedFolder.Message("bybit/ws_orderbook50_delta.json");
        for (int i = 0; i < flood; i++) await session.SendAsync(frame);
        await signal.WaitUntilAsync(() => client.Statistics.FramesReceived == flood, "all frames off the socket");
        long dropped = client.Statistics.FramesDropped;
        gate.Set();
        await signal.WaitUntilAsync(() => parser.Frames.Count == flood - dropped, "queued frames drained");

        Assert.That(parser.Frames.Count, Is.LessThanOrEqualTo(options.PublicQueueCapacity + 1), "at most the queue plus the frame in hand");
        Assert.That(dropped, Is.EqualTo(flood - parser.Frames.Count));
        // Once the queue has room again the next frame carries the gap: send one and expect exactly one overflow resync.
        await session.SendAsync(frame);
        await signal.WaitUntilAsync(() => recorder.Resyncs.Count == 1, "overflow resync");
        Assert.That(recorder.Resyncs.Single(), Is.EqualTo(new StreamResyncSignal("BTCUSDT", false, ResyncReason.Overflow)));
        string unsubscribe = await session.ReceiveAsync();
        string resubscribe = await session.ReceiveAsync();
        Assert.That((Op(unsubscribe), Args(unsubscribe)), Is.EqualTo(("unsubscribe", new[] { "orderbook.50.BTCUSDT" })));
        Assert.That((Op(resubscribe), Args(resubscribe)), Is.EqualTo(("subscribe", new[] { "orderbook.50.BTCUSDT" })));
    }

    [Test]
    public async Task StartPrivate_FloodWithSlowConsumer_NothingDropped()
    {
        await using var fake = await FakeBybit.StartAsync();
        var options = Fast();
        options.PrivateQueueCapacity = 4;
        await using var client = Client(fake, options);
        using var gate = new ManualResetEventSlim(false);
        int wallets = 0;
        var signal = new Signal();
        client.WalletUpdated += _ =>
        {
            gate.Wait(TimeSpan.FromSeconds(10));
            Interlocked.Increment(ref wallets);
            signal.Pulse();
        };
        await client.StartPrivateAsync();
        var session = await fake.AcceptPrivateAsync();
        await session.ReceiveAsync();

        const int flood = 300;
        string wallet = SharedFolder.Message("bybit/ws_wallet.json");
        var sending = Task.Run(async () => { for (int i = 0; i < flood; i++) await session.SendAsync(wallet); });
        long full = client.Statistics.FramesReceived + options.PrivateQueueCapacity + 2; // (the auth ack) + one frame in the handler, a full queue, one waiting for room
        await signal.WaitUntilAsync(() => client.Statistics.FramesReceived >= full, "queue full");
        Assert.That(client.Statistics.FramesReceived, Is.EqualTo(full), "the socket reader waits instead of dropping or buffering more");
        gate.Set();
        await sending.WaitAsync(TimeSpan.FromSeconds(10));
        await signal.WaitUntilAsync(() => Volatile.Read(ref wallets) == flood, "every private frame");

        Assert.That(client.Statistics.FramesDropped, Is.Zero);
    }

    private static string Op(string json) => JsonDocument.Parse(json).RootElement.GetProperty("op").GetString()!;

    private static string[] Args(string json) => JsonDocument.Parse(json).RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToArray();
}
