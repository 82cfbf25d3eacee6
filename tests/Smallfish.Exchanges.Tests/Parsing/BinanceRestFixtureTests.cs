using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Tests.Support;
using InstrumentCatalog = Smallfish.Exchanges.Abstractions.InstrumentCatalog; // Core has one of the same name

namespace Smallfish.Exchanges.Tests.Parsing;

/// <summary>
/// Every Binance REST fixture, served by a fake venue on loopback on its real path and method, read through the
/// public client into normalized types.
/// </summary>
public sealed class BinanceRestFixtureTests
{
    private FakeBinance _fake = null!;
    private HttpClient _http = null!;
    private BinanceRestClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeBinance.StartAsync();
        void Can(string methodPath, string fixture) => _fake.Canned[methodPath] = SharedFolder.Message("binance/" + fixture);
        Can("GET /fapi/v1/exchangeInfo", "rest_exchange_info.json");
        Can("GET /fapi/v1/ticker/24hr", "rest_ticker_24hr_single.json");
        Can("GET /fapi/v1/premiumIndex", "rest_premium_index_single.json");
        Can("GET /fapi/v1/klines", "rest_klines.json");
        Can("GET /fapi/v1/depth", "rest_depth_snapshot.json");
        Can("GET /fapi/v1/aggTrades", "rest_agg_trades.json");
        Can("GET /fapi/v1/fundingRate", "rest_funding_rate_history.json");
        Can("POST /fapi/v1/order", "rest_new_order_response.json");
        Can("PUT /fapi/v1/order", "rest_modify_order_response.json");
        Can("DELETE /fapi/v1/order", "rest_cancel_order_response.json");
        Can("DELETE /fapi/v1/allOpenOrders", "rest_cancel_all_open_orders_response.json");
        Can("GET /fapi/v1/openOrders", "rest_open_orders.json");
        Can("GET /fapi/v3/positionRisk", "rest_position_risk_v3_oneway.json");
        Can("GET /fapi/v3/balance", "rest_balance_v3.json");
        Can("POST /fapi/v1/leverage", "rest_leverage_response.json");
        Can("POST /fapi/v1/algoOrder", "rest_algo_order_response.json");
        Can("POST /fapi/v1/listenKey", "rest_listen_key_post.json");
        _fake.Canned["GET /fapi/v1/openAlgoOrders"] = "[" + SharedFolder.Message("binance/rest_algo_order_response.json") + "]"; // the open list holds algo order objects
        _http = new HttpClient();
        var catalog = new InstrumentCatalog();
        catalog.Add(new InstrumentSpec("BTCUSDT", 0.000001m, 1m, 1m, 5m)); // the depth example quotes 4.000002 in lots of 1
        catalog.Add(new InstrumentSpec("BNBUSDT", 0.001m, 0.01m, 0.01m, 5m));
        _client = Clients.Binance(_http, _fake, catalog);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task GetInstruments_ExchangeInfoFixture_YieldsFiltersAsSpec()
    {
        var i = (await _client.GetInstrumentsAsync()).Data!.Single();
        Assert.That((i.Spec.Symbol, i.Spec.TickSize, i.Spec.QtyStep, i.Spec.MinQty, i.Spec.MinNotional), Is.EqualTo(("BLZUSDT", 0.0001m, 1m, 1m, 5.0m)));
        Assert.That((i.Status, i.IsTrading, i.BaseAsset, i.QuoteAsset, i.MinPrice, i.MaxPrice), Is.EqualTo(("TRADING", true, "BLZ", "USDT", 0.0001m, 300m)));
        Assert.That((i.MaxOrderQty, i.MaxMarketOrderQty, i.MaxLeverage), Is.EqualTo((10000000m, 590119m, 0m)));
    }

    [Test]
    public async Task GetTickers_StatsAndPremiumFixtures_MergedWithPercentAsFraction()
    {
        var t = (await _client.GetTickersAsync("BTCUSDT")).Data!.Single();
        Assert.That((t.Symbol, t.LastPrice, t.Turnover24h, t.PriceChange24h), Is.EqualTo(("BTCUSDT", 4.00000200m, 15.30000000m, -0.95960m)));
        Assert.That((t.MarkPrice, t.IndexPrice, t.FundingRate, t.NextFundingTimeMs), Is.EqualTo((11793.63104562m, 11781.80495970m, 0.00038246m, 1597392000000L)));
    }

    [Test]
    public async Task GetKlines_Fixture_YieldsQuoteVolumeFromColumnSeven()
    {
        var k = (await _client.GetKlinesAsync("BTCUSDT", KlineInterval.OneMinute, 1)).Data!.Single();
        Assert.That(k, Is.EqualTo(new ExchangeKline(1499040000000L, 0.01634790m, 0.80000000m, 0.01575800m, 0.01577100m, 148976.11427815m, 2434.19055334m)));
        Assert.That(_fake.Requests.Last(r => r.Path == "/fapi/v1/klines").Query, Is.EqualTo("symbol=BTCUSDT&interval=1m&limit=1"));
    }

    [Test]
    public async Task GetOrderBook_DepthFixture_YieldsSnapshotWithLastUpdateId()
    {
        var b = (await _client.GetOrderBookAsync("BTCUSDT", 1000)).Data!;
        Assert.That((b.Kind, b.LastUpdateId, b.ExchTsNs), Is.EqualTo((BookUpdateKind.Snapshot, 1027024L, 1589436922972L * 1_000_000)));
        Assert.That((b.Bids.PriceAt(0), b.Bids.QtyAt(0), b.Asks.PriceAt(0), b.Asks.QtyAt(0)), Is.EqualTo((4_000_000L, 431L, 4_000_002L, 12L)));
        Assert.That(_fake.Requests.Last(r => r.Path == "/fapi/v1/depth").Query, Is.EqualTo("symbol=BTCUSDT&limit=1000"));
    }

    [Test]
    public async Task GetRecentTrades_AggTradesFixture_BuyerMakerMeansTakerSold()
    {
        var t = (await _client.GetRecentTradesAsync("BTCUSDT", 1)).Data!.Single();
        Assert.That(t, Is.EqualTo(new ExchangeTrade("BTCUSDT", "26129", 0.01633102m, 4.70443515m, Side.Sell, 1498793709153L)));
    }

    [Test]
    public async Task GetFundingHistory_Fixture_YieldsAscendingRates()
    {
        var f = (await _client.GetFundingHistoryAsync("BTCUSDT", 2)).Data!;
        Assert.That(f, Is.EqualTo(new[] { new ExchangeFundingRate("BTCUSDT", -0.0375m, 1570608000000L), new ExchangeFundingRate("BTCUSDT", 0.0001m, 1570636800000L) }));
    }

    [Test]
    public async Task PlaceModifyCancel_OrderFixtures_YieldOrders()
    {
        var placed = (await _client.PlaceOrderAsync(new OrderRequest("testOrder", "BTCUSDT", Side.Buy, OrderType.Limit, TimeInForce.GoodTillCancel, 4_000_000, 10, 0, false, OrderRole.Entry))).Data!;
        Assert.That((placed.ExchangeOrderId, placed.ClientOrderId, placed.Status, placed.Side, placed.Qty, placed.IsAckOnly), Is.EqualTo(("22542179", "testOrder", OrderStatus.New, Side.Buy, 10m, false)));
        var modified = (await _client.AmendOrderAsync(new AmendOrderRequest("BTCUSDT", "LJ9R4QZDihCaS8UAOOLpgW", Side.Buy, 30_005_000_000, 1))).Data!;
        Assert.That((modified.ExchangeOrderId, modified.Price, modified.Qty, modified.Status, modified.UpdatedMs), Is.EqualTo(("20072994037", 30005m, 1m, OrderStatus.New, 1629182711600L)));
        var cancelled = (await _client.CancelOrderAsync("BTCUSDT", "myOrder1")).Data!;
        Assert.That((cancelled.ExchangeOrderId, cancelled.Status, cancelled.Type, cancelled.TriggerPrice), Is.EqualTo(("283194212", OrderStatus.Cancelled, OrderType.StopMarket, 9300m)));
        var all = await _client.CancelAllOrdersAsync("BTCUSDT");
        Assert.That((all.Success, all.Data!.Count), Is.EqualTo((true, 0)));
    }

    [Test]
    public async Task GetOpenOrders_Fixture_UsesTimeAsCreated()
    {
        var o = (await _client.GetOpenOrdersAsync("BTCUSDT")).Data![0];
        Assert.That((o.ClientOrderId, o.ExchangeOrderId, o.Qty, o.Status, o.CreatedMs, o.VenueType), Is.EqualTo(("abc", "1917641", 0.40m, OrderStatus.New, 1579276756075L, "TRAILING_STOP_MARKET")));
    }

    [Test]
    public async Task GetOpenOrders_AlgoOrderWorking_ListedAfterThePlainOrders()
    {
        var open = (await _client.GetOpenOrdersAsync("BTCUSDT")).Data!;

        Assert.That(open, Has.Count.EqualTo(2), "a working conditional order is an open order: a restart must see its stops");
        var algo = open[1];
        Assert.That((algo.ClientOrderId, algo.ExchangeOrderId, algo.Type, algo.Status, algo.TriggerPrice, algo.Qty),
            Is.EqualTo(("6B2I9XVcJpCjqPAJ4YoFX7", "2146760", OrderType.TakeProfitMarket, OrderStatus.New, 750m, 0.01m)));
    }

    [Test]
    public async Task GetPositions_PositionRiskFixture_SignedAmountBecomesSide()
    {
        var p = (await _client.GetPositionsAsync("ADAUSDT")).Data!.Single();
        Assert.That((p.Symbol, p.Slot, p.Side, p.Size, p.EntryPrice, p.MarkPrice, p.UnrealizedPnl, p.UpdatedMs),
            Is.EqualTo(("ADAUSDT", PositionSlot.OneWay, (Side?)Side.Buy, 30m, 0.385m, 0.41047590m, 0.76427700m, 1720736417660L)));
    }

    [Test]
    public async Task GetWallet_BalanceFixture_AvailableIsAvailableBalance()
    {
        var w = (await _client.GetWalletAsync()).Data!;
        Assert.That((w.TotalEquity, w.AvailableBalance, w.WalletBalance, w.UnrealizedPnl, w.UpdatedMs),
            Is.EqualTo(((decimal?)122607.35137903m, (decimal?)23.72469206m, (decimal?)122607.35137903m, (decimal?)0m, 1617939110373L)));
    }

    [Test]
    public async Task SetLeverage_Fixture_Succeeds()
    {
        var r = await _client.SetLeverageAsync("BTCUSDT", 21);
        Assert.That((r.Success, r.Data), Is.EqualTo((true, true)));
        Assert.That(_fake.Requests.Last(q => q.Path == "/fapi/v1/leverage").Query, Does.StartWith("symbol=BTCUSDT&leverage=21&recvWindow=5000&timestamp="));
    }

    [Test]
    public async Task SetProtectiveStops_AlgoFixture_PlacesClosePositionLegs()
    {
        var r = await _client.SetProtectiveStopsAsync(new ProtectiveStopsRequest("BNBUSDT", Side.Buy, StopLossTicks: 0, "sl-1", TakeProfitTicks: 750_000, "tp-1"));
        Assert.That((r.Success, r.Data!.TakeProfitId, r.Data.StopLossId), Is.EqualTo((true, (string?)"2146760", (string?)null)));
        Assert.That(_fake.Requests.Last(q => q.Path == "/fapi/v1/algoOrder").Query, Does.StartWith(
            "algoType=CONDITIONAL&symbol=BNBUSDT&side=SELL&type=TAKE_PROFIT_MARKET&triggerPrice=750&closePosition=true&clientAlgoId=tp-1&recvWindow=5000&timestamp="));
        using var doc = JsonDocument.Parse(SharedFolder.Message("binance/rest_algo_order_response.json"));
        var algo = BinanceOrderParser.ParseAlgoOrder(doc.RootElement);
        Assert.That((algo.ClientOrderId, algo.Type, algo.Status, algo.TriggerPrice, algo.Qty), Is.EqualTo(("6B2I9XVcJpCjqPAJ4YoFX7", OrderType.TakeProfitMarket, OrderStatus.New, 750m, 0.01m)));
    }

    [Test]
    public async Task CreateListenKey_Fixture_ReturnsKeyAndSendsApiKeyOnly()
    {
        var r = await _client.CreateListenKeyAsync();
        Assert.That(r.Data, Is.EqualTo("pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1"));
        Assert.That(_fake.Requests.Last(q => q.Path == "/fapi/v1/listenKey").Query, Is.Empty);
    }

    [Test]
    public void ParseBatch_BatchOrdersFixture_YieldsOneOrderAndOneReject()
    {
        using var doc = JsonDocument.Parse(SharedFolder.Message("binance/rest_batch_orders_response.json"));
        var items = BinanceOrderParser.ParseBatch(doc.RootElement);
        Assert.That(items, Has.Count.EqualTo(2));
        Assert.That((items[0].Success, items[0].Data!.ClientOrderId, items[0].Data!.Status), Is.EqualTo((true, "testOrder", OrderStatus.New)));
        Assert.That((items[1].Success, items[1].ErrorCode, items[1].RejectReason), Is.EqualTo((false, (int?)-2022, RejectReason.ReduceOnlyViolated)));
    }
}
