using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Recovery;
using InstrumentCatalog = Smallfish.Exchanges.Abstractions.InstrumentCatalog;

namespace Smallfish.Exchanges.Tests.Requests;

/// <summary>
/// The protective stop that closes the position: what each venue is sent (bybit-v5.md 4.8/4.9, binance-usdm.md 4.4),
/// and that an order read back from the venue with those terms is known as closing the position.
/// </summary>
public sealed class ClosePositionStopTests
{
    private static readonly InstrumentSpec Btc = new("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m);

    private static OrderRequest Stop(bool closePosition) =>
        new("sf3-0-12-S0", "BTCUSDT", Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, 0, 422, 649_905, true, OrderRole.StopLoss, closePosition);

    [Test]
    public void CreateOrder_BybitClosePositionStop_QtyZeroReduceOnlyCloseOnTrigger()
    {
        string body = BybitRequests.CreateOrder(Stop(closePosition: true), Btc);
        Assert.That(body, Is.EqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"side\":\"Sell\",\"orderType\":\"Market\",\"qty\":\"0\","
            + "\"timeInForce\":\"IOC\",\"orderLinkId\":\"sf3-0-12-S0\",\"positionIdx\":0,\"reduceOnly\":true,"
            + "\"triggerPrice\":\"64990.5\",\"triggerDirection\":2,\"closeOnTrigger\":true}"));
    }

    [Test]
    public void CreateOrder_BybitSizedStop_KeepsItsQty()
    {
        using var doc = JsonDocument.Parse(BybitRequests.CreateOrder(Stop(closePosition: false), Btc));
        Assert.That(doc.RootElement.GetProperty("qty").GetString(), Is.EqualTo("0.422"));
    }

    [Test]
    public void AmendOrder_BybitConditional_MovesTriggerPriceOnly()
    {
        string body = BybitRequests.AmendOrder(new AmendOrderRequest("BTCUSDT", "sf3-0-12-S0", Side.Sell, 649_950, 0, Conditional: true), Btc);
        Assert.That(body, Is.EqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"orderLinkId\":\"sf3-0-12-S0\",\"triggerPrice\":\"64995\"}"));
    }

    [Test]
    public void AmendOrder_BybitLimit_MovesPrice()
    {
        string body = BybitRequests.AmendOrder(new AmendOrderRequest("BTCUSDT", "sf3-0-12-T0", Side.Sell, 650_500, 5), Btc);
        Assert.That(body, Is.EqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"orderLinkId\":\"sf3-0-12-T0\",\"qty\":\"0.005\",\"price\":\"65050\"}"));
    }

    [Test]
    public void NewAlgoOrder_BinanceClosePositionStop_ClosePositionWithoutQuantityOrReduceOnly()
    {
        string query = BinanceRequests.NewAlgoOrder(Stop(closePosition: true), Btc);
        Assert.That(query, Is.EqualTo("algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&triggerPrice=64990.5&closePosition=true&clientAlgoId=sf3-0-12-S0"));
    }

    [Test]
    public void NewAlgoOrder_BinanceSizedStop_QuantityAndReduceOnly()
    {
        string query = BinanceRequests.NewAlgoOrder(Stop(closePosition: false), Btc);
        Assert.That(query, Is.EqualTo("algoType=CONDITIONAL&symbol=BTCUSDT&side=SELL&type=STOP_MARKET&quantity=0.422&triggerPrice=64990.5&reduceOnly=true&clientAlgoId=sf3-0-12-S0"));
    }

    [Test]
    public void ParseOrder_BybitQtyZeroCloseOnTrigger_ReadsAsClosingThePosition()
    {
        var order = BybitOrderParser.ParseOrder(Json(BybitRow(qty: "0", closeOnTrigger: true)));
        var sized = BybitOrderParser.ParseOrder(Json(BybitRow(qty: "0.422", closeOnTrigger: true)));
        Assert.Multiple(() =>
        {
            Assert.That((order.ClosePosition, order.ReduceOnly, order.Type, order.TriggerPrice, order.Qty), Is.EqualTo((true, true, OrderType.StopMarket, 64990.5m, 0m)));
            Assert.That(sized.ClosePosition, Is.False, "a sized close-on-trigger order closes only its qty");
            Assert.That(ReconciliationNormalizer.TryToOpenOrder(order, Catalog(), out var open), Is.True);
            Assert.That((open.ClosePosition, open.ReduceOnly, open.QtyLots, open.TriggerTicks), Is.EqualTo((true, true, 0L, 649_905L)));
        });
    }

    [Test]
    public void ParseAlgoOrder_BinanceClosePosition_ReadsAsClosingThePosition()
    {
        var order = BinanceOrderParser.ParseAlgoOrder(Json("""
            {"algoId":2146760,"clientAlgoId":"sf3-0-12-S0","algoType":"CONDITIONAL","orderType":"STOP_MARKET","symbol":"BTCUSDT","side":"SELL",
             "positionSide":"BOTH","timeInForce":"GTC","quantity":"0","algoStatus":"NEW","triggerPrice":"64990.5","price":"0",
             "closePosition":true,"reduceOnly":false,"workingType":"CONTRACT_PRICE","createTime":1750485492076,"updateTime":1750485492076}
            """));
        Assert.Multiple(() =>
        {
            Assert.That((order.ClosePosition, order.ReduceOnly, order.Type, order.Status, order.TriggerPrice), Is.EqualTo((true, true, OrderType.StopMarket, OrderStatus.New, 64990.5m)));
            Assert.That(ReconciliationNormalizer.TryToOpenOrder(order, Catalog(), out var open), Is.True);
            Assert.That((open.ClientOrderId, open.ClosePosition, open.QtyLots), Is.EqualTo(("sf3-0-12-S0", true, 0L)));
        });
    }

    private static string BybitRow(string qty, bool closeOnTrigger) => $$"""
        {"orderId":"9f2e-1","orderLinkId":"sf3-0-12-S0","symbol":"BTCUSDT","side":"Sell","orderType":"Market","price":"0","qty":"{{qty}}",
         "timeInForce":"IOC","orderStatus":"Untriggered","positionIdx":0,"reduceOnly":true,"closeOnTrigger":{{(closeOnTrigger ? "true" : "false")}},
         "leavesQty":"{{qty}}","cumExecQty":"0","avgPrice":"","triggerPrice":"64990.5","triggerDirection":2,"stopOrderType":"Stop",
         "rejectReason":"EC_NoError","cancelType":"UNKNOWN","createdTime":"1750485492076","updatedTime":"1750485492076"}
        """;

    private static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private static InstrumentCatalog Catalog()
    {
        var catalog = new InstrumentCatalog();
        catalog.Add(Btc);
        return catalog;
    }
}
