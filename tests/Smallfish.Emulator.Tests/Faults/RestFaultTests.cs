using Smallfish.Core.Domain;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Abstractions;

namespace Smallfish.Emulator.Tests.Faults;

/// <summary>REST faults and order faults injected by the emulator, and what the real clients make of them.</summary>
public sealed class RestFaultTests
{
    private static string CreatePath(ExchangeKind kind) => kind == ExchangeKind.Bybit ? "/v5/order/create" : "/fapi/v1/order";

    private static string OpenOrdersPath(ExchangeKind kind) => kind == ExchangeKind.Bybit ? "/v5/order/realtime" : "/fapi/v1/openOrders";

    [Test]
    public async Task HoldNextResponses_PlacementTimesOut_OrderFoundByClientIdNotDoubled([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var rest = Venues.FastRest();
        rest.RequestTimeout = TimeSpan.FromMilliseconds(400);
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind, rest);
        await using var _ = clients;
        emulator.Faults.HoldNextResponses(1, TimeSpan.FromSeconds(30), CreatePath(kind));

        var placed = await clients.Rest.PlaceOrderAsync(Venues.Limit("sf3-0-1-E0", Side.Buy, 599_990, 10));

        Assert.That(placed.Success, Is.True, placed.ToString());
        Assert.That(placed.Data!.ClientOrderId, Is.EqualTo("sf3-0-1-E0"));
        Assert.That(emulator.OrderCreates("sf3-0-1-E0"), Is.EqualTo(1), "exactly one create reached the venue");
        Assert.That(emulator.OpenOrders("BTCUSDT"), Has.Count.EqualTo(1));
        await Eventually.UntilAsync(() => emulator.Statistics.LostAnswers == 1, "the held answer abandoned");
        await Eventually.UntilAsync(() => events.Has("sf3-0-1-E0", OrderStatus.New), "the order's update on the private stream");
    }

    [Test]
    public async Task FailNextRequests_CreateNotExecuted_LookupProvesAbsenceAndOneOrderResults([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var clients = Venues.Clients(emulator, kind);
        emulator.Faults.FailNextRequests(1, CreatePath(kind), 503);

        var placed = await clients.Rest.PlaceOrderAsync(Venues.Limit("sf3-0-2-E0", Side.Buy, 599_990, 10));

        Assert.That(placed.Success, Is.True, placed.ToString());
        Assert.That(emulator.Statistics.Requests("POST", CreatePath(kind)), Is.EqualTo(2), "the 503, then the re-send after the lookup found nothing");
        Assert.That(emulator.OrderCreates("sf3-0-2-E0"), Is.EqualTo(1), "the 503 never reached the venue");
        Assert.That(emulator.OpenOrders("BTCUSDT"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task FailNextRequests_CreateExecutedThen503_LookupFindsItNoResend([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var clients = Venues.Clients(emulator, kind);
        emulator.Faults.FailNextRequests(1, CreatePath(kind), 503, executeFirst: true);

        var placed = await clients.Rest.PlaceOrderAsync(Venues.Limit("sf3-0-3-E0", Side.Buy, 599_990, 10));

        Assert.That(placed.Success, Is.True, placed.ToString());
        Assert.That(emulator.Statistics.Requests("POST", CreatePath(kind)), Is.EqualTo(1));
        Assert.That(emulator.OrderCreates("sf3-0-3-E0"), Is.EqualTo(1));
    }

    [Test]
    public async Task RateLimitNext_ClientBacksOffUntilResetThenSucceeds([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var clients = Venues.Clients(emulator, kind);
        Assert.That((await clients.Rest.SyncServerTimeAsync()).Success, Is.True);
        var reset = TimeSpan.FromMilliseconds(kind == ExchangeKind.Bybit ? 400 : 1000); // Binance Retry-After is whole seconds
        emulator.Faults.RateLimitNext(1, OpenOrdersPath(kind), reset);

        var open = await clients.Rest.GetOpenOrdersAsync("BTCUSDT");

        Assert.That(open.Success, Is.True, open.ToString());
        var calls = emulator.Statistics.RecentRequests.Where(r => r.Path == OpenOrdersPath(kind)).ToArray();
        Assert.That(calls.Select(c => c.Status).First(), Is.EqualTo(kind == ExchangeKind.Bybit ? 200 : 429));
        Assert.That(calls, Has.Length.EqualTo(2), "one limited answer, one retry");
        Assert.That(calls[1].ArrivedMs - calls[0].ArrivedMs, Is.GreaterThanOrEqualTo((long)reset.TotalMilliseconds - 50), "the retry waited for the reset");
    }

    [Test]
    public async Task RejectNextPostOnly_BybitAcksThenExpiresBinanceRefusesAtOnce([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind);
        await using var _ = clients;
        emulator.Faults.RejectNextPostOnly();

        var placed = await clients.Rest.PlaceOrderAsync(Venues.Limit("sf3-0-4-E0", Side.Buy, 599_990, 10));

        if (kind == ExchangeKind.Bybit)
        {
            Assert.That(placed.Success, Is.True, "Bybit acknowledges a post-only order and cancels it on the stream");
            await Eventually.UntilAsync(() => events.Has("sf3-0-4-E0", OrderStatus.Expired), "the expiry");
            Assert.That(events.Of("sf3-0-4-E0").Last().Reject, Is.EqualTo(RejectReason.PostOnlyWouldTake));
        }
        else
        {
            Assert.That(placed.Success, Is.False);
            Assert.That((placed.ErrorCode, placed.RejectReason), Is.EqualTo((-5022, RejectReason.PostOnlyWouldTake)));
            Assert.That(emulator.GetOrder("sf3-0-4-E0"), Is.Null, "not recorded");
        }
        Assert.That(emulator.OpenOrders(), Is.Empty);
    }

    [Test]
    public async Task PostOnlyCrossingTheBook_ExpiresOnBybitRefusedOnBinance([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind);
        await using var _ = clients;

        var placed = await clients.Rest.PlaceOrderAsync(Venues.Limit("sf3-0-5-E0", Side.Buy, 600_001, 10)); // at the best ask

        if (kind == ExchangeKind.Bybit)
        {
            Assert.That(placed.Success, Is.True);
            await Eventually.UntilAsync(() => events.Has("sf3-0-5-E0", OrderStatus.Expired), "the expiry");
        }
        else
        {
            Assert.That(placed.RejectReason, Is.EqualTo(RejectReason.PostOnlyWouldTake));
        }
        Assert.That(events.Fills, Is.Empty);
    }

    [Test]
    public async Task RejectNextForMargin_PlacementRefusedWithTheVenuesCode([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var clients = Venues.Clients(emulator, kind);
        emulator.Faults.RejectNextForMargin();

        var refused = await clients.Rest.PlaceOrderAsync(Venues.Limit("sf3-0-6-E0", Side.Buy, 599_990, 10));
        var retried = await clients.Rest.PlaceOrderAsync(Venues.Limit("sf3-0-6-E0", Side.Buy, 599_990, 10));

        Assert.That((refused.ErrorCode, refused.RejectReason), Is.EqualTo((kind == ExchangeKind.Bybit ? 110007 : -2019, RejectReason.InsufficientMargin)));
        Assert.That(retried.Success, Is.True, "a refused id may be used again");
    }

    [Test]
    public async Task MaxFillLots_RestingOrderTradedThrough_FillsInPieces([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind);
        await using var _ = clients;
        emulator.Faults.MaxFillLots = 300;
        Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Limit("sf3-0-7-E0", Side.Buy, 599_995, 1_000))).Success, Is.True);

        for (int i = 0; i < 4; i++) emulator.Market.OnTrade(new Core.MarketData.TradeEvent(0, 0, 0, 599_990, 1, Side.Sell)); // through our price

        await Eventually.UntilAsync(() => events.Has("sf3-0-7-E0", OrderStatus.Filled), "filled in pieces");
        Assert.That(events.Fills.Select(f => f.QtyLots), Is.EqualTo(new[] { 300L, 300L, 300L, 100L }));
        Assert.That(events.Of("sf3-0-7-E0").Count(o => o.Status == OrderStatus.PartiallyFilled), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task RandomServerErrors_Seeded_SameRequestsFailOnEveryRun()
    {
        async Task<int[]> RunAsync()
        {
            await using var emulator = await Venues.StartWithBookAsync(o => o.FaultSeed = 42);
            emulator.Faults.ServerErrorProbability = 0.3;
            using var http = new HttpClient();
            var statuses = new int[40];
            for (int i = 0; i < statuses.Length; i++) statuses[i] = (int)(await http.GetAsync(emulator.BaseUri + "fapi/v1/time")).StatusCode;
            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();
        Assert.That(first, Is.EqualTo(second));
        Assert.That(first.Count(s => s == 503), Is.InRange(4, 20));
    }
}
