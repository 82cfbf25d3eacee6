using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Rest;

/// <summary>Binance REST over real sockets against a fake venue that checks every signature and timestamp itself.</summary>
public sealed class BinanceRestRoundTripTests
{
    private static OrderRequest GtxSell(string id) =>
        new(id, "BTCUSDT", Side.Sell, OrderType.Limit, TimeInForce.PostOnly, PriceTicks: 650_001, QtyLots: 2, 0, false, OrderRole.Entry);

    [Test]
    public async Task PlaceModifyCancel_RoundTrip_SignedAndAppliedByVenue()
    {
        await using var fake = await FakeBinance.StartAsync();
        using var http = new HttpClient();
        var client = Clients.Binance(http, fake, TestInstruments.Catalog());

        var placed = await client.PlaceOrderAsync(GtxSell("sf1-0-1-E0"));
        Assert.That(placed.Success, Is.True, placed.ToString());
        Assert.That((placed.Data!.Status, placed.Data.TimeInForce, placed.Data.Price, placed.Data.Qty), Is.EqualTo((OrderStatus.New, TimeInForce.PostOnly, 65000.1m, 0.002m)));

        var modified = await client.AmendOrderAsync(new AmendOrderRequest("BTCUSDT", "sf1-0-1-E0", Side.Sell, 650_011, 3));
        Assert.That((modified.Data!.Price, modified.Data.Qty), Is.EqualTo((65001.1m, 0.003m)));

        var cancelled = await client.CancelOrderAsync("BTCUSDT", "sf1-0-1-E0");
        Assert.That(cancelled.Data!.Status, Is.EqualTo(OrderStatus.Cancelled));

        var open = await client.GetOpenOrdersAsync("BTCUSDT");
        Assert.That(open.Data, Is.Empty);

        var signed = fake.Requests.Where(r => r.Signed).ToList();
        Assert.That(signed.Select(r => r.Method + " " + r.Path),
            Is.EqualTo(new[] { "POST /fapi/v1/order", "PUT /fapi/v1/order", "DELETE /fapi/v1/order", "GET /fapi/v1/openOrders", "GET /fapi/v1/openAlgoOrders" }));
        Assert.That(signed.All(r => r.SignatureValid && r.Code == 0), Is.True);
        Assert.That(signed[0].Query, Does.StartWith("symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTX&quantity=0.002&price=65000.1&newClientOrderId=sf1-0-1-E0&recvWindow=5000&timestamp="));
        Assert.That(signed[1].Query, Does.StartWith("symbol=BTCUSDT&origClientOrderId=sf1-0-1-E0&side=SELL&quantity=0.003&price=65001.1&recvWindow=5000&timestamp="));
    }

    [Test]
    public async Task AmendOrder_OnlyQuantityChanges_SendsTheUnchangedPriceToo()
    {
        // The engine's amend says 0 for "unchanged"; Binance's modify needs both (binance-usdm.md 4.5).
        await using var fake = await FakeBinance.StartAsync();
        using var http = new HttpClient();
        var client = Clients.Binance(http, fake, TestInstruments.Catalog());
        Assert.That((await client.PlaceOrderAsync(GtxSell("sf1-0-3-T0"))).Success, Is.True);

        var qtyOnly = await client.AmendOrderAsync(new AmendOrderRequest("BTCUSDT", "sf1-0-3-T0", Side.Sell, 0, 5, CurrentPriceTicks: 650_001, CurrentQtyLots: 2));
        var priceOnly = await client.AmendOrderAsync(new AmendOrderRequest("BTCUSDT", "sf1-0-3-T0", Side.Sell, 650_007, 0, CurrentPriceTicks: 650_001, CurrentQtyLots: 5));
        var unknown = await client.AmendOrderAsync(new AmendOrderRequest("BTCUSDT", "sf1-0-3-T0", Side.Sell, 650_009, 0));

        Assert.That((qtyOnly.Data!.Price, qtyOnly.Data.Qty), Is.EqualTo((65000.1m, 0.005m)), qtyOnly.ToString());
        Assert.That((priceOnly.Data!.Price, priceOnly.Data.Qty), Is.EqualTo((65000.7m, 0.005m)), priceOnly.ToString());
        Assert.That(unknown.Success, Is.False, "without the current quantity nothing can be sent");
        var modifies = fake.Requests.Where(r => r.Signed && r.Method == "PUT").ToList();
        Assert.That(modifies, Has.Count.EqualTo(2));
        Assert.That(modifies[0].Query, Does.Contain("&quantity=0.005&price=65000.1&"));
        Assert.That(modifies[1].Query, Does.Contain("&quantity=0.005&price=65000.7&"));
    }

    [Test]
    public async Task PlaceOrder_AnswerTimesOut_NotDoubledAndFoundByClientId()
    {
        await using var fake = await FakeBinance.StartAsync();
        fake.CreateDelay = TimeSpan.FromSeconds(5);
        using var http = new HttpClient();
        var options = Clients.FastRest();
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        var client = Clients.Binance(http, fake, TestInstruments.Catalog(), options);

        var result = await client.PlaceOrderAsync(GtxSell("sf1-0-2-E0"));

        Assert.That(result.Success, Is.True, result.ToString());
        Assert.That(result.Data!.ClientOrderId, Is.EqualTo("sf1-0-2-E0"));
        Assert.That(fake.Count("POST", "/fapi/v1/order"), Is.EqualTo(1));
        Assert.That(fake.Count("GET", "/fapi/v1/order"), Is.EqualTo(1));
        Assert.That(fake.Orders, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SignedCall_ClockAheadOfVenue_ResyncsAndRetriesOnce()
    {
        await using var fake = await FakeBinance.StartAsync();
        fake.SkewMs = -3_000; // local clock 3 s ahead of the venue: -1021 "ahead of the server's time"
        using var http = new HttpClient();
        var options = Clients.FastRest();
        options.SyncTimeBeforeFirstSignedCall = false;
        var client = Clients.Binance(http, fake, TestInstruments.Catalog(), options);

        var result = await client.GetOpenOrdersAsync("BTCUSDT");

        Assert.That(result.Success, Is.True, result.ToString());
        Assert.That(fake.Requests.Select(r => (r.Path, r.Code)),
            Is.EqualTo(new[] { ("/fapi/v1/openOrders", -1021), ("/fapi/v1/time", 0), ("/fapi/v1/openOrders", 0), ("/fapi/v1/openAlgoOrders", 0) }));
        Assert.That(client.ServerTimeOffsetMs, Is.InRange(-3_200, -2_800));
    }

    [Test]
    public async Task Read_Http429WithRetryAfter_WaitsThenRetries()
    {
        await using var fake = await FakeBinance.StartAsync();
        fake.TooManyRequestsNext = 1;
        fake.RetryAfterSeconds = 1;
        using var http = new HttpClient();
        var client = Clients.Binance(http, fake, TestInstruments.Catalog());

        var result = await client.GetOpenOrdersAsync("BTCUSDT");

        Assert.That(result.Success, Is.True, result.ToString());
        var reads = fake.Requests.Where(r => r.Path == "/fapi/v1/openOrders").ToList();
        Assert.That(reads, Has.Count.EqualTo(2));
        Assert.That(reads[1].ArrivalMs - reads[0].ArrivalMs, Is.GreaterThanOrEqualTo(1000 - 50), "the retry honoured Retry-After");
    }

    [Test]
    public async Task RateLimitAnswer_ReadsNotRetried_LaterCallsWaitForRetryAfter()
    {
        await using var fake = await FakeBinance.StartAsync();
        fake.TooManyRequestsNext = 1;
        using var http = new HttpClient();
        var options = Clients.FastRest();
        options.ReadRetries = 0;
        var client = Clients.Binance(http, fake, TestInstruments.Catalog(), options);

        var limited = await client.GetOpenOrdersAsync("BTCUSDT");
        Assert.That(limited.RejectReason, Is.EqualTo(RejectReason.RateLimited));
        var placed = await client.PlaceOrderAsync(GtxSell("sf1-0-9-E0"));

        Assert.That(placed.Success, Is.True, placed.ToString());
        var first = fake.Requests.First(r => r.Path == "/fapi/v1/openOrders");
        var next = fake.Requests.First(r => r.Path == "/fapi/v1/order");
        Assert.That(next.ArrivalMs - first.ArrivalMs, Is.GreaterThanOrEqualTo(1000 - 50), "the whole client paused for Retry-After");
    }

    [Test]
    public async Task ProtectiveExit_DuringRetryAfterBlock_FirstProtectiveCallGoesOutOthersWait()
    {
        await using var fake = await FakeBinance.StartAsync();
        fake.TooManyRequestsNext = 1;
        fake.RetryAfterSeconds = 2;
        using var http = new HttpClient();
        var options = Clients.FastRest();
        options.ReadRetries = 0;
        var client = Clients.Binance(http, fake, TestInstruments.Catalog(), options);

        var limited = await client.GetOpenOrdersAsync("BTCUSDT");
        Assert.That(limited.RejectReason, Is.EqualTo(RejectReason.RateLimited));
        var exit = await client.PlaceOrderAsync(MarketExit("sf1-0-9-X0"));
        var laterExit = client.PlaceOrderAsync(MarketExit("sf1-0-10-X0"));
        var entry = client.PlaceOrderAsync(GtxSell("sf1-0-11-E0"));
        await Task.WhenAll(laterExit, entry);

        Assert.That((exit.Success, laterExit.Result.Success, entry.Result.Success), Is.EqualTo((true, true, true)));
        long blockedAt = fake.Requests.First(r => r.Path == "/fapi/v1/openOrders").ArrivalMs;
        long ArrivalOf(string id) => fake.Requests.Single(r => r.Path == "/fapi/v1/order" && r.Query.Contains("newClientOrderId=" + id + "&", StringComparison.Ordinal)).ArrivalMs;
        Assert.That(ArrivalOf("sf1-0-9-X0") - blockedAt, Is.LessThan(1500), "the protective exit went out during Retry-After");
        Assert.That(ArrivalOf("sf1-0-10-X0") - blockedAt, Is.GreaterThanOrEqualTo(2000 - 50), "one bypass per block window");
        Assert.That(ArrivalOf("sf1-0-11-E0") - blockedAt, Is.GreaterThanOrEqualTo(2000 - 50), "an entry never passes the block");
        Assert.That(client.RateLimits.BypassCount, Is.EqualTo(1));
    }

    private static OrderRequest MarketExit(string id) =>
        new(id, "BTCUSDT", Side.Buy, OrderType.Market, TimeInForce.ImmediateOrCancel, 0, QtyLots: 2, 0, true, OrderRole.Exit);
}
