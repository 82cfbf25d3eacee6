using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;

namespace Smallfish.Emulator.Tests.Emulator;

/// <summary>The emulator's WebSocket protocols with a bare socket: control messages, routes, combined mode, auth.</summary>
public sealed class StreamProtocolTests
{
    private static bool Has(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out _);

    [Test]
    public async Task BybitPublic_PingSubscribeAndBadTopic_AnsweredInLinearShapes()
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var ws = await RawSocket.ConnectAsync(emulator, "/v5/public/linear");

        await ws.SendAsync("{\"req_id\":\"p1\",\"op\":\"ping\"}");
        var pong = await ws.ReceiveAsync();
        await ws.SendAsync("{\"req_id\":\"s1\",\"op\":\"subscribe\",\"args\":[\"orderbook.50.BTCUSDT\"]}");
        var ack = await ws.ReceiveAsync();
        var snapshot = await ws.ReceiveAsync();
        await ws.SendAsync("{\"req_id\":\"s2\",\"op\":\"subscribe\",\"args\":[\"orderbook.500.BTCUSDT\"]}");
        var refused = await ws.ReceiveAsync();

        Assert.Multiple(() =>
        {
            Assert.That((pong.GetProperty("op").GetString(), pong.GetProperty("ret_msg").GetString(), pong.GetProperty("req_id").GetString()), Is.EqualTo(("ping", "pong", "p1")));
            Assert.That((ack.GetProperty("op").GetString(), ack.GetProperty("success").GetBoolean()), Is.EqualTo(("subscribe", true)));
            Assert.That((snapshot.GetProperty("topic").GetString(), snapshot.GetProperty("type").GetString()), Is.EqualTo(("orderbook.50.BTCUSDT", "snapshot")));
            Assert.That(snapshot.GetProperty("data").GetProperty("b").GetArrayLength(), Is.EqualTo(20));
            Assert.That(refused.GetProperty("success").GetBoolean(), Is.False, "orderbook.500 was removed from linear");
        });
    }

    [Test]
    public async Task BybitPrivate_SubscribeBeforeAuthAndBadSignature_Refused()
    {
        await using var emulator = await Venues.StartAsync();
        await using var ws = await RawSocket.ConnectAsync(emulator, "/v5/private");
        var wrong = new BybitSigner(new ApiCredentials(emulator.Options.ApiKey, "not-the-secret"));
        long expires = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 30_000;

        await ws.SendAsync("{\"op\":\"subscribe\",\"args\":[\"order\"]}");
        var early = await ws.ReceiveAsync();
        await ws.SendAsync(wrong.BuildWebSocketAuthMessage(expires, "a1"));
        var denied = await ws.ReceiveAsync();
        await ws.SendAsync(new BybitSigner(emulator.Credentials).BuildWebSocketAuthMessage(expires, "a2"));
        var granted = await ws.ReceiveAsync();
        await ws.SendAsync("{\"req_id\":\"x\",\"op\":\"ping\"}");
        var pong = await ws.ReceiveAsync();

        Assert.Multiple(() =>
        {
            Assert.That(early.GetProperty("success").GetBoolean(), Is.False);
            Assert.That((denied.GetProperty("op").GetString(), denied.GetProperty("success").GetBoolean()), Is.EqualTo(("auth", false)));
            Assert.That(granted.GetProperty("success").GetBoolean(), Is.True);
            Assert.That((pong.GetProperty("op").GetString(), pong.GetProperty("args").GetArrayLength()), Is.EqualTo(("pong", 1)), "the private pong shape");
        });
    }

    [Test]
    public async Task BybitPrivateClient_WrongSecret_ReportsAuthFailed()
    {
        await using var emulator = await Venues.StartAsync();
        await using var clients = new ExchangeClientFactory().Create("bybit", emulator.Endpoints(ExchangeKind.Bybit), new ApiCredentials(emulator.Options.ApiKey, "wrong"),
            TestInstruments.Gateway(), Venues.FastRest(), Venues.FastStreams());
        var events = new PrivateRecorder(clients.Streams);

        await clients.Streams.StartPrivateAsync();

        await Eventually.UntilAsync(() => events.Connections.Any(c => c.State == StreamConnectionState.AuthFailed), "AuthFailed");
        Assert.That(emulator.PrivateSubscribers(), Is.Zero);
    }

    [Test]
    public async Task BinanceRoutes_StreamOnTheWrongRoute_AckedThenSilent()
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var publicRoute = await RawSocket.ConnectAsync(emulator, "/public/stream?streams=btcusdt@aggTrade/btcusdt@depth@100ms");
        await using var marketRoute = await RawSocket.ConnectAsync(emulator, "/market/ws/btcusdt@aggTrade");
        await using var control = await RawSocket.ConnectAsync(emulator, "/market/ws");
        await control.SendAsync("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}");
        await control.ReceiveAsync(); // the connection is registered: a later event reaches everyone subscribed
        await Eventually.UntilAsync(() => emulator.OpenConnections(EmulatorSurfaces.Binance) == 3, "three connections");

        emulator.Market.OnTrade(new TradeEvent(0, 0, 0, 600_001, 2, Side.Buy));
        emulator.Market.OnBook(Venues.Delta(0, 2, new[] { (600_000L, 5L) }, Array.Empty<(long, long)>()));

        var trade = await marketRoute.ReceiveAsync();
        var (before, depth) = await publicRoute.ReceiveUntilAsync(m => Has(m, "stream"));
        Assert.Multiple(() =>
        {
            Assert.That((trade.GetProperty("e").GetString(), trade.GetProperty("p").GetString(), trade.GetProperty("m").GetBoolean()), Is.EqualTo(("aggTrade", "60000.1", false)), "raw event on /market/ws");
            Assert.That(depth.GetProperty("stream").GetString(), Is.EqualTo("btcusdt@depth@100ms"), "combined wrapper on /stream");
            Assert.That(depth.GetProperty("data").GetProperty("e").GetString(), Is.EqualTo("depthUpdate"));
            Assert.That(before, Is.Empty, "the aggTrade subscribed on /public never came, though it was sent before the depth event");
        });
    }

    [Test]
    public async Task BinanceControl_SubscribeListSetProperty_AnsweredWithIds()
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var ws = await RawSocket.ConnectAsync(emulator, "/public/ws");

        await ws.SendAsync("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@bookTicker\",\"nosuch@depth\"],\"id\":1}");
        var subscribed = await ws.ReceiveAsync();
        await ws.SendAsync("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}");
        var list = await ws.ReceiveAsync();
        await ws.SendAsync("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}");
        var set = await ws.ReceiveAsync();
        await ws.SendAsync("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":2}");
        var get = await ws.ReceiveAsync();
        await ws.SendAsync("{not json");
        var bad = await ws.ReceiveAsync();
        emulator.Market.OnBook(Venues.Delta(0, 2, new[] { (600_000L, 77L) }, Array.Empty<(long, long)>()));
        var ticker = await ws.ReceiveAsync();

        Assert.Multiple(() =>
        {
            Assert.That((subscribed.GetProperty("result").ValueKind, subscribed.GetProperty("id").GetInt32()), Is.EqualTo((JsonValueKind.Null, 1)));
            Assert.That(list.GetProperty("result").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "btcusdt@bookTicker", "nosuch@depth" }));
            Assert.That(set.GetProperty("id").GetInt32(), Is.EqualTo(5));
            Assert.That(get.GetProperty("result").GetBoolean(), Is.True);
            Assert.That(bad.GetProperty("code").GetInt32(), Is.EqualTo(3));
            Assert.That(ticker.GetProperty("stream").GetString(), Is.EqualTo("btcusdt@bookTicker"));
            Assert.That((ticker.GetProperty("data").GetProperty("b").GetString(), ticker.GetProperty("data").GetProperty("B").GetString()), Is.EqualTo(("60000.0", "0.077")));
        });
    }

    [Test]
    public async Task BinanceUserStream_UnknownListenKey_Refused()
    {
        await using var emulator = await Venues.StartAsync();
        Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(async () => await RawSocket.ConnectAsync(emulator, "/private/ws/not-a-key"));
    }
}
