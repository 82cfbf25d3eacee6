using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Signing;

/// <summary>The request builders produce byte-exact the strings of the computed vectors, so signing what is sent matches them.</summary>
public sealed class RequestBuilderTests
{
    private static readonly InstrumentSpec Btc = new("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m);

    [Test]
    public void CreateOrder_BybitPostOnlyVector_BodyAndSignatureMatch()
    {
        var request = new OrderRequest("sf-test-0001", "BTCUSDT", Side.Buy, OrderType.Limit, TimeInForce.PostOnly, PriceTicks: 100_000, QtyLots: 1, 0, false, OrderRole.Entry);
        string body = BybitRequests.CreateOrder(request, Btc);
        Assert.That(body, Is.EqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"qty\":\"0.001\",\"price\":\"10000\",\"timeInForce\":\"PostOnly\",\"orderLinkId\":\"sf-test-0001\",\"positionIdx\":0}"));
        var signer = new BybitSigner(new ApiCredentials("XXXXXXXXXX", "XXXXXXXXXX"));
        Assert.That(signer.SignRequest(1700000000000, 5000, body), Is.EqualTo("1787d406f666416d6d13d21c3ecea55a91bed2dd0b3b44454fc274112377ae33"));
    }

    [Test]
    public void OrderQuery_BybitRealtimeVector_QueryAndSignatureMatch()
    {
        var q = new Exchanges.Http.QueryBuilder().Add("category", "linear").Add("symbol", "BTCUSDT").ToString();
        var signer = new BybitSigner(new ApiCredentials("XXXXXXXXXX", "XXXXXXXXXX"));
        Assert.That(signer.SignRequest(1700000000000, 5000, q), Is.EqualTo("ba4b3e4adbbf3c9ee73449792358cf4ff2cef919834acbb6f00f7ea7fe3a376b"));
    }

    [Test]
    public void CreateOrder_BybitDocCloseLongExample_SameFieldsAndValues()
    {
        using var doc = JsonDocument.Parse(SharedFolder.MessageEntry("bybit/rest_create_order_requests_linear.json", "USDT Perp close long position (one-way mode)"));
        var spec = new InstrumentSpec("BTCUSDT", 0.1m, 1m, 1m, 5m);
        var request = new OrderRequest("usdt-test-02", "BTCUSDT", Side.Sell, OrderType.Limit, TimeInForce.GoodTillCancel, PriceTicks: 300_000, QtyLots: 1, 0, ReduceOnly: true, OrderRole.TakeProfit);
        using var ours = JsonDocument.Parse(BybitRequests.CreateOrder(request, spec));
        var expected = doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        var actual = ours.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void TradingStop_BybitDocExample_UsesDocumentedFieldsAndValueKinds()
    {
        using var doc = JsonDocument.Parse(SharedFolder.Message("bybit/rest_trading_stop_request.json"));
        var r = new Exchanges.Abstractions.ProtectiveStopsRequest("XRPUSDT", Side.Buy, StopLossTicks: 2000, "sl-1", TakeProfitTicks: 6000, "tp-1");
        using var ours = JsonDocument.Parse(BybitRequests.TradingStop(r, new InstrumentSpec("XRPUSDT", 0.0001m, 1m, 1m, 5m), clear: false));
        foreach (var p in ours.RootElement.EnumerateObject())
        {
            Assert.That(doc.RootElement.TryGetProperty(p.Name, out var documented), Is.True, p.Name);
            Assert.That(p.Value.ValueKind, Is.EqualTo(documented.ValueKind), p.Name);
        }
        Assert.That(ours.RootElement.GetProperty("stopLoss").GetString(), Is.EqualTo("0.2"));
        Assert.That(ours.RootElement.GetProperty("takeProfit").GetString(), Is.EqualTo("0.6"));
        Assert.That(ours.RootElement.GetProperty("tpslMode").GetString(), Is.EqualTo("Full"));
    }

    [Test]
    public void NewOrder_BinanceGtxVector_SignedQueryMatches()
    {
        var request = new OrderRequest("sf-test-0001", "BTCUSDT", Side.Sell, OrderType.Limit, TimeInForce.PostOnly, PriceTicks: 650_001, QtyLots: 2, 0, false, OrderRole.Entry);
        string query = BinanceRequests.NewOrder(request, Btc);
        var protocol = new BinanceProtocol(new Uri("http://127.0.0.1"), new BinanceSigner(new ApiCredentials("k", "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9")),
            5000, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 2400, 0.9, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.That(protocol.SignedQuery(query, 1700000000000), Is.EqualTo(
            "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTX&quantity=0.002&price=65000.1&newClientOrderId=sf-test-0001&recvWindow=5000&timestamp=1700000000000"
            + "&signature=afff1a3780ccd95c4decc990a4a8eeacddad84ff0cb2955b53fd17b2cfa042e7"));
    }

    [TestCase(10000.0, "10000")]
    [TestCase(0.0010, "0.001")]
    [TestCase(65000.10, "65000.1")]
    [TestCase(-0.50, "-0.5")]
    [TestCase(0.0, "0")]
    public void Format_Decimals_InvariantWithoutTrailingZeros(double value, string expected)
    {
        Assert.That(Exchanges.Json.DecimalText.Format((decimal)value), Is.EqualTo(expected));
        Assert.That(Exchanges.Json.DecimalText.Format(decimal.Parse(((decimal)value).ToString("F6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
    }
}
