using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Rest;

/// <summary>Bybit REST over real sockets against a fake venue that checks every signature and timestamp itself.</summary>
public sealed class BybitRestRoundTripTests
{
    private static OrderRequest PostOnlyBuy(string id) =>
        new(id, "BTCUSDT", Side.Buy, OrderType.Limit, TimeInForce.PostOnly, PriceTicks: 100_000, QtyLots: 1, 0, false, OrderRole.Entry);

    [Test]
    public async Task PlaceAmendCancel_RoundTrip_SignedAndAppliedByVenue()
    {
        await using var fake = await FakeBybit.StartAsync();
        using var http = new HttpClient();
        var client = Clients.Bybit(http, fake, TestInstruments.Catalog());

        var placed = await client.PlaceOrderAsync(PostOnlyBuy("sf1-0-1-E0"));
        Assert.That(placed.Success, Is.True, placed.ToString());
        Assert.That(fake.Orders["sf1-0-1-E0"]["price"]!.GetValue<string>(), Is.EqualTo("10000"));
        Assert.That(placed.Data!.ExchangeOrderId, Is.EqualTo(fake.Orders["sf1-0-1-E0"]["orderId"]!.GetValue<string>()));

        var amended = await client.AmendOrderAsync(new AmendOrderRequest("BTCUSDT", "sf1-0-1-E0", Side.Buy, 100_005, 2));
        Assert.That(amended.Success, Is.True, amended.ToString());
        Assert.That(fake.Orders["sf1-0-1-E0"]["price"]!.GetValue<string>(), Is.EqualTo("10000.5"));
        Assert.That(fake.Orders["sf1-0-1-E0"]["qty"]!.GetValue<string>(), Is.EqualTo("0.002"));

        var cancelled = await client.CancelOrderAsync("BTCUSDT", "sf1-0-1-E0");
        Assert.That(cancelled.Success, Is.True, cancelled.ToString());
        Assert.That(fake.Orders["sf1-0-1-E0"]["orderStatus"]!.GetValue<string>(), Is.EqualTo("Cancelled"));

        var found = await client.GetOrderAsync("BTCUSDT", "sf1-0-1-E0");
        Assert.That(found.Data!.Status, Is.EqualTo(OrderStatus.Cancelled));

        var signed = fake.Requests.Where(r => r.Signed).ToList();
        Assert.That(signed.Select(r => r.Path), Is.EqualTo(new[] { "/v5/order/create", "/v5/order/amend", "/v5/order/cancel", "/v5/order/realtime", "/v5/order/history" }));
        Assert.That(signed.All(r => r.SignatureValid && r.Code == 0), Is.True);
        Assert.That(signed[0].Body, Is.EqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"qty\":\"0.001\",\"price\":\"10000\",\"timeInForce\":\"PostOnly\",\"orderLinkId\":\"sf1-0-1-E0\",\"positionIdx\":0}"));
        Assert.That(fake.Count("/v5/market/time"), Is.EqualTo(1), "clock synced once before the first signed call");
    }

    [Test]
    public async Task PlaceOrder_AnswerTimesOut_NotDoubledAndFoundByClientId()
    {
        await using var fake = await FakeBybit.StartAsync();
        fake.CreateDelay = TimeSpan.FromSeconds(5);
        using var http = new HttpClient();
        var options = Clients.FastRest();
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        var client = Clients.Bybit(http, fake, TestInstruments.Catalog(), options);

        var result = await client.PlaceOrderAsync(PostOnlyBuy("sf1-0-2-E0"));

        Assert.That(result.Success, Is.True, result.ToString());
        Assert.That(result.Data!.ClientOrderId, Is.EqualTo("sf1-0-2-E0"));
        Assert.That(result.Data.IsAckOnly, Is.False, "the order came from the lookup, not from the lost ack");
        Assert.That(fake.Count("/v5/order/create"), Is.EqualTo(1));
        Assert.That(fake.Orders, Has.Count.EqualTo(1));
        var paths = fake.Requests.Select(r => r.Path).Where(p => p != "/v5/market/time").ToList();
        Assert.That(paths, Is.EqualTo(new[] { "/v5/order/create", "/v5/order/realtime" }));
    }

    [Test]
    public async Task PlaceOrder_FirstAttemptNeverReachedVenue_SentExactlyOnceMore()
    {
        await using var fake = await FakeBybit.StartAsync();
        fake.FailNextCreatesWith503 = 1;
        using var http = new HttpClient();
        var client = Clients.Bybit(http, fake, TestInstruments.Catalog());

        var result = await client.PlaceOrderAsync(PostOnlyBuy("sf1-0-3-E0"));

        Assert.That(result.Success, Is.True, result.ToString());
        Assert.That(fake.Count("/v5/order/create"), Is.EqualTo(2));
        Assert.That(fake.Orders.Keys, Is.EqualTo(new[] { "sf1-0-3-E0" }));
        var paths = fake.Requests.Select(r => r.Path).Where(p => p != "/v5/market/time").ToList();
        Assert.That(paths, Is.EqualTo(new[] { "/v5/order/create", "/v5/order/realtime", "/v5/order/history", "/v5/order/create" }));
    }

    [Test]
    public async Task PlaceOrder_VenueSaysDuplicateClientId_ReturnsExistingOrderWithoutThirdSend()
    {
        await using var fake = await FakeBybit.StartAsync();
        using var http = new HttpClient();
        var client = Clients.Bybit(http, fake, TestInstruments.Catalog());
        Assert.That((await client.PlaceOrderAsync(PostOnlyBuy("sf1-0-4-E0"))).Success, Is.True);

        var again = await client.PlaceOrderAsync(PostOnlyBuy("sf1-0-4-E0"));

        Assert.That(again.Success, Is.True, again.ToString());
        Assert.That(again.Data!.ExchangeOrderId, Is.EqualTo(fake.Orders["sf1-0-4-E0"]["orderId"]!.GetValue<string>()));
        Assert.That(fake.Count("/v5/order/create"), Is.EqualTo(2));
        Assert.That(fake.Orders, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SignedCall_ClockBehindVenue_ResyncsAndRetriesOnce()
    {
        await using var fake = await FakeBybit.StartAsync();
        fake.SkewMs = 10_000; // venue clock 10 s ahead: a local timestamp is older than the 5 s window
        using var http = new HttpClient();
        var options = Clients.FastRest();
        options.SyncTimeBeforeFirstSignedCall = false;
        var client = Clients.Bybit(http, fake, TestInstruments.Catalog(), options);

        var result = await client.PlaceOrderAsync(PostOnlyBuy("sf1-0-5-E0"));

        Assert.That(result.Success, Is.True, result.ToString());
        Assert.That(fake.Requests.Select(r => (r.Path, r.Code)), Is.EqualTo(new[] { ("/v5/order/create", 10002), ("/v5/market/time", 0), ("/v5/order/create", 0) }));
        Assert.That(client.ServerTimeOffsetMs, Is.InRange(9_800, 10_200));
        Assert.That(fake.Orders, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SignedCall_TimestampAlwaysRejected_StopsAfterOneRetry()
    {
        await using var fake = await FakeBybit.StartAsync();
        fake.AlwaysRejectTimestamp = true;
        using var http = new HttpClient();
        var client = Clients.Bybit(http, fake, TestInstruments.Catalog());

        var result = await client.GetOpenOrdersAsync("BTCUSDT");

        Assert.That(result.RejectReason, Is.EqualTo(RejectReason.TimestampOutOfWindow));
        Assert.That(fake.Count("/v5/order/realtime"), Is.EqualTo(2));
        Assert.That(fake.Count("/v5/market/time"), Is.EqualTo(2), "one initial sync, one resync");
    }

    [Test]
    public async Task Read_RateLimited10006_WaitsUntilResetHeaderThenRetries()
    {
        await using var fake = await FakeBybit.StartAsync();
        fake.RateLimitNextReads = 1;
        fake.RateLimitResetAfterMs = 400;
        using var http = new HttpClient();
        var client = Clients.Bybit(http, fake, TestInstruments.Catalog());

        var result = await client.GetOpenOrdersAsync("BTCUSDT");

        Assert.That(result.Success, Is.True, result.ToString());
        var reads = fake.Requests.Where(r => r.Path == "/v5/order/realtime").ToList();
        Assert.That(reads.Select(r => r.Code), Is.EqualTo(new[] { 10006, 0 }));
        Assert.That(reads[1].ArrivalMs - reads[0].ArrivalMs, Is.GreaterThanOrEqualTo(400 - 50), "the retry waited for X-Bapi-Limit-Reset-Timestamp");
        Assert.That(client.RateLimits.WaitCount, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Reads_VenueDown_CircuitOpensAndStopsCalling()
    {
        await using var fake = await FakeBybit.StartAsync();
        fake.AllDown = true;
        using var http = new HttpClient();
        var options = Clients.FastRest();
        options.ReadRetries = 0;
        options.BreakerMinimumThroughput = 2;
        options.BreakerFailureRatio = 0.5;
        options.BreakerBreakDuration = TimeSpan.FromSeconds(30);
        var client = Clients.Bybit(http, fake, TestInstruments.Catalog(), options);

        var results = new List<Results.ExchangeResult<IReadOnlyList<Models.ExchangeTicker>>>();
        for (int i = 0; i < 5; i++) results.Add(await client.GetTickersAsync("BTCUSDT"));

        Assert.That(fake.Requests, Has.Count.EqualTo(2));
        Assert.That(results.All(r => !r.Success && r.IsTransient), Is.True);
        Assert.That(results.Take(2).All(r => r.Error!.HttpStatus == 503), Is.True);
        Assert.That(results.Skip(2).All(r => r.Error!.HttpStatus == 0 && !r.Error.OutcomeUnknown), Is.True, "rejected by the open breaker, never sent");
    }

    [Test]
    public async Task ProtectiveExit_CreateRateLimited_FirstProtectiveCallPassesTheBlockOthersWaitForReset()
    {
        await using var fake = await FakeBybit.StartAsync();
        fake.RateLimitNextCreates = 1;
        fake.RateLimitResetAfterMs = 2000;
        using var http = new HttpClient();
        var client = Clients.Bybit(http, fake, TestInstruments.Catalog());

        var limited = await client.PlaceOrderAsync(PostOnlyBuy("sf1-0-1-E0"));
        Assert.That(limited.RejectReason, Is.EqualTo(RejectReason.RateLimited));
        var exit = await client.PlaceOrderAsync(MarketExit("sf1-0-1-X0"));
        var laterExit = client.PlaceOrderAsync(MarketExit("sf1-0-2-X0"));
        var entry = client.PlaceOrderAsync(PostOnlyBuy("sf1-0-3-E0"));
        await Task.WhenAll(laterExit, entry);

        Assert.That((exit.Success, laterExit.Result.Success, entry.Result.Success), Is.EqualTo((true, true, true)));
        var creates = fake.Requests.Where(r => r.Path == "/v5/order/create").ToList();
        long blockedAt = creates[0].ArrivalMs;
        long ArrivalOf(string id) => creates.Single(r => r.Body.Contains(id, StringComparison.Ordinal)).ArrivalMs;
        Assert.That(ArrivalOf("sf1-0-1-X0") - blockedAt, Is.LessThan(1500), "the protective exit went out during the block");
        Assert.That(ArrivalOf("sf1-0-2-X0") - blockedAt, Is.GreaterThanOrEqualTo(2000 - 50), "one bypass per block window");
        Assert.That(ArrivalOf("sf1-0-3-E0") - blockedAt, Is.GreaterThanOrEqualTo(2000 - 50), "an entry never passes the block");
        Assert.That(client.RateLimits.BypassCount, Is.EqualTo(1));
    }

    private static OrderRequest MarketExit(string id) =>
        new(id, "BTCUSDT", Side.Sell, OrderType.Market, TimeInForce.ImmediateOrCancel, 0, QtyLots: 1, 0, true, OrderRole.Exit);
}
