using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Tests.Support;
using InstrumentCatalog = Smallfish.Exchanges.Abstractions.InstrumentCatalog; // Core has one of the same name

namespace Smallfish.Exchanges.Tests.Parsing;

/// <summary>
/// Every Bybit REST fixture, served by a fake venue on loopback on its real path, read through the public client
/// into normalized types.
/// </summary>
public sealed class BybitRestFixtureTests
{
    private FakeBybit _fake = null!;
    private HttpClient _http = null!;
    private BybitRestClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeBybit.StartAsync();
        void Can(string path, string fixture) => _fake.Canned[path] = SharedFolder.Message("bybit/" + fixture);
        Can("/v5/market/instruments-info", "rest_instruments_info_linear.json");
        Can("/v5/market/tickers", "rest_tickers_inverse.json");
        Can("/v5/market/kline", "rest_kline_inverse.json");
        Can("/v5/market/orderbook", "rest_orderbook_spot.json");
        Can("/v5/market/recent-trade", "rest_recent_trade_spot.json");
        Can("/v5/market/funding/history", "rest_funding_history.json");
        Can("/v5/order/create", "rest_create_order_response.json");
        Can("/v5/order/amend", "rest_amend_order_response.json");
        Can("/v5/order/cancel", "rest_cancel_order_response.json");
        Can("/v5/order/cancel-all", "rest_cancel_all_response.json");
        Can("/v5/order/realtime", "rest_open_orders_linear.json");
        Can("/v5/order/history", "rest_order_history_postonly_cancelled.json");
        Can("/v5/position/list", "rest_position_list_inverse.json");
        Can("/v5/account/wallet-balance", "rest_wallet_balance_unified.json");
        Can("/v5/execution/list", "rest_execution_list.json");
        _http = new HttpClient();
        // The spot orderbook example has 2-decimal prices and 6-decimal sizes.
        var catalog = new InstrumentCatalog();
        catalog.Add(new InstrumentSpec("BTCUSDT", 0.01m, 0.000001m, 0.000001m, 1m));
        catalog.Add(new InstrumentSpec("ETHUSDT", 0.01m, 0.01m, 0.01m, 5m));
        _client = Clients.Bybit(_http, _fake, catalog);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task GetInstruments_Fixture_YieldsSpecAndLimits()
    {
        var r = await _client.GetInstrumentsAsync();
        Assert.That(r.Success, Is.True, r.ToString());
        var i = r.Data!.Single();
        Assert.That((i.Spec.Symbol, i.Spec.TickSize, i.Spec.QtyStep, i.Spec.MinQty, i.Spec.MinNotional), Is.EqualTo(("BTCUSDT", 0.10m, 0.001m, 0.001m, 5m)));
        Assert.That((i.Status, i.IsTrading, i.BaseAsset, i.QuoteAsset), Is.EqualTo(("Trading", true, "BTC", "USDT")));
        Assert.That((i.MinPrice, i.MaxPrice, i.MaxOrderQty, i.MaxMarketOrderQty, i.MaxLeverage), Is.EqualTo((0.10m, 1999999.80m, 1190m, 500m, 100m)));
    }

    [Test]
    public async Task GetTickers_Fixture_YieldsFractionChangeAndFunding()
    {
        var t = (await _client.GetTickersAsync()).Data!.Single();
        Assert.That((t.Symbol, t.LastPrice, t.MarkPrice, t.IndexPrice), Is.EqualTo(("BTCUSD", 120635.50m, 114898.43m, 114890.92m)));
        Assert.That((t.Turnover24h, t.PriceChange24h, t.FundingRate, t.NextFundingTimeMs), Is.EqualTo((115.6907m, 0.142425m, 0.0001m, 1760371200000L)));
    }

    [Test]
    public async Task GetKlines_NewestFirstFixture_ReturnedOldestFirst()
    {
        var k = (await _client.GetKlinesAsync("BTCUSD", KlineInterval.OneHour, 3)).Data!;
        Assert.That(k.Select(x => x.OpenTimeMs), Is.EqualTo(new[] { 1670601600000L, 1670605200000L, 1670608800000L }));
        Assert.That((k[0].Open, k[0].High, k[0].Low, k[0].Close, k[0].Volume, k[0].QuoteVolume), Is.EqualTo((17086.5m, 17088m, 16978m, 17071.5m, 6356m, 0.37288112m)));
        Assert.That(_fake.Requests.Last(q => q.Path == "/v5/market/kline").Query, Is.EqualTo("category=linear&symbol=BTCUSD&interval=60&limit=3"));
    }

    [Test]
    public async Task GetOrderBook_Fixture_YieldsSnapshotInTicksAndLots()
    {
        var b = (await _client.GetOrderBookAsync("BTCUSDT", 1)).Data!;
        Assert.That((b.Kind, b.LastUpdateId, b.Sequence, b.ExchTsNs), Is.EqualTo((BookUpdateKind.Snapshot, 230704L, 1432604333L, 1716863719031L * 1_000_000)));
        Assert.That((b.Bids.Count, b.Bids.PriceAt(0), b.Bids.QtyAt(0)), Is.EqualTo((1, 6548547L, 47081829L)));
        Assert.That((b.Asks.Count, b.Asks.PriceAt(0), b.Asks.QtyAt(0)), Is.EqualTo((1, 6555770L, 16606555L)));
        Assert.That(b.LocalTsNs, Is.GreaterThan(0));
    }

    [Test]
    public async Task GetOrderBook_UnknownSymbol_FailsLocallyWithoutRequest()
    {
        int before = _fake.Requests.Count;
        var r = await _client.GetOrderBookAsync("NOPEUSDT", 50);
        Assert.That((r.Success, r.ErrorCode), Is.EqualTo((false, (int?)null)));
        Assert.That(_fake.Requests, Has.Count.EqualTo(before));
    }

    [Test]
    public async Task GetRecentTrades_Fixture_YieldsTakerSide()
    {
        var t = (await _client.GetRecentTradesAsync("BTCUSDT", 1)).Data!.Single();
        Assert.That(t, Is.EqualTo(new ExchangeTrade("BTCUSDT", "2100000000007764263", 16618.49m, 0.00012m, Side.Buy, 1672052955758L)));
    }

    [Test]
    public async Task GetFundingHistory_Fixture_YieldsRate()
    {
        var f = (await _client.GetFundingHistoryAsync("ETHPERP", 1)).Data!.Single();
        Assert.That(f, Is.EqualTo(new ExchangeFundingRate("ETHPERP", 0.0001m, 1672041600000L)));
    }

    [Test]
    public async Task PlaceAmendCancel_AckFixtures_YieldAckOnlyOrders()
    {
        var place = await _client.PlaceOrderAsync(new OrderRequest("spot-test-postonly", "ETHUSDT", Side.Buy, OrderType.Limit, TimeInForce.PostOnly, 160000, 10, 0, false, OrderRole.Entry));
        Assert.That((place.Data!.ExchangeOrderId, place.Data.ClientOrderId, place.Data.IsAckOnly, place.Data.Status), Is.EqualTo(("1321003749386327552", "spot-test-postonly", true, OrderStatus.PendingNew)));
        var amend = await _client.AmendOrderAsync(new AmendOrderRequest("ETHUSDT", "linear-004", Side.Buy, 160100, 10));
        Assert.That((amend.Data!.ExchangeOrderId, amend.Data.ClientOrderId), Is.EqualTo(("c6f055d9-7f21-4079-913d-e6523a9cfffa", "linear-004")));
        var cancel = await _client.CancelOrderAsync("ETHUSDT", "linear-004");
        Assert.That((cancel.Data!.ExchangeOrderId, cancel.Data.Status), Is.EqualTo(("c6f055d9-7f21-4079-913d-e6523a9cfffa", OrderStatus.PendingCancel)));
        var all = await _client.CancelAllOrdersAsync("ETHUSDT");
        Assert.That(all.Data, Is.EqualTo(new[] { "1616024329462743809", "1616024287544869633" }));
    }

    [Test]
    public async Task GetOpenOrders_PagedFixture_FollowsCursorOnce()
    {
        int before = _fake.Count("/v5/order/realtime");
        var o = (await _client.GetOpenOrdersAsync("ETHUSDT")).Data!.Single();
        Assert.That((o.Symbol, o.ClientOrderId, o.ExchangeOrderId, o.Side, o.Type, o.TimeInForce, o.Status), Is.EqualTo(("ETHUSDT", "test-000005", "fd4300ae-7847-404e-b947-b46980a4d140", Side.Buy, OrderType.Limit, TimeInForce.GoodTillCancel, OrderStatus.New)));
        Assert.That((o.Price, o.Qty, o.FilledQty, o.ReduceOnly, o.CreatedMs, o.UpdatedMs), Is.EqualTo((1600.00m, 0.10m, 0m, false, 1684738540559L, 1684738540561L)));
        Assert.That(_fake.Count("/v5/order/realtime") - before, Is.EqualTo(2));
        Assert.That(_fake.Requests.Last(q => q.Path == "/v5/order/realtime").Query, Does.EndWith("&cursor=" + Uri.EscapeDataString("page_args%3Dfd4300ae-7847-404e-b947-b46980a4d140%26symbol%3D6%26")));
    }

    [Test]
    public async Task GetOrder_InHistoryOnly_FoundThereAsExpiredPostOnly()
    {
        var o = (await _client.GetOrderAsync("BTCUSDT", "YLxaWKMiHU")).Data!;
        Assert.That((o.ExchangeOrderId, o.Status, o.Reject, o.TimeInForce, o.Price, o.Qty), Is.EqualTo(("14bad3a1-6454-43d8-bcf2-5345896cf74d", OrderStatus.Expired, RejectReason.PostOnlyWouldTake, TimeInForce.PostOnly, 26864.40m, 0.003m)));
    }

    [Test]
    public async Task GetOrder_Nowhere_FailsWithOrderNotFound()
    {
        var r = await _client.GetOrderAsync("BTCUSDT", "never-sent");
        Assert.That((r.Success, r.RejectReason), Is.EqualTo((false, RejectReason.OrderNotFound)));
    }

    [Test]
    public async Task GetPositions_Fixture_UsesAvgPriceAndEmptyLiqAsZero()
    {
        var p = (await _client.GetPositionsAsync("BTCUSD")).Data!.Single();
        Assert.That((p.Symbol, p.Slot, p.Side, p.Size, p.EntryPrice, p.MarkPrice), Is.EqualTo(("BTCUSD", PositionSlot.OneWay, (Side?)Side.Sell, 300m, 27464.50441675m, 28224.50m)));
        Assert.That((p.Leverage, p.LiquidationPrice, p.UnrealizedPnl, p.UpdatedMs), Is.EqualTo((10m, 0m, -0.00029413m, 1697673600012L)));
    }

    [Test]
    public async Task GetWallet_Fixture_YieldsUnifiedTotals()
    {
        var w = (await _client.GetWalletAsync()).Data!;
        Assert.That((w.TotalEquity, w.AvailableBalance, w.WalletBalance, w.UnrealizedPnl), Is.EqualTo(((decimal?)3.31216591m, (decimal?)3.00326056m, (decimal?)3.00326056m, (decimal?)0m)));
        Assert.That(w.Assets.Single().Asset, Is.EqualTo("BTC"));
    }

    [Test]
    public async Task GetExecutions_Fixture_YieldsFill()
    {
        var f = (await _client.GetExecutionsAsync("ETHPERP")).Data!.Single();
        Assert.That((f.Symbol, f.ExecId, f.ExchangeOrderId, f.Side, f.Price, f.Qty, f.Fee), Is.EqualTo(("ETHPERP", "e0cbe81d-0f18-5866-9415-cf319b5dab3b", "8c065341-7b52-4ca9-ac2c-37e31ac55c94", Side.Buy, 1190.15m, 0.1m, 0.071409m)));
        Assert.That((f.FeeAsset, f.IsMaker, f.TimeMs, f.ExecType), Is.EqualTo(((string?)null, false, 1672282722429L, "Trade")));
    }

    [Test]
    public async Task SyncServerTime_TimeFixtureShape_ReadsNanoseconds()
    {
        _fake.SkewMs = 2_000;
        try
        {
            var r = await _client.SyncServerTimeAsync();
            Assert.That(r.Success, Is.True);
            Assert.That(r.Data!.OffsetMs, Is.InRange(1_900, 2_100));
            Assert.That(_client.ServerTimeOffsetMs, Is.EqualTo(r.Data.OffsetMs));
        }
        finally
        {
            _fake.SkewMs = 0;
            await _client.SyncServerTimeAsync();
        }
        using var doc = System.Text.Json.JsonDocument.Parse(SharedFolder.Message("bybit/rest_server_time.json"));
        Assert.That(BybitMarketParser.ParseServerTimeMs(doc.RootElement.GetProperty("result")), Is.EqualTo(1688639403423L));
    }
}
