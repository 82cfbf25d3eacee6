using System.Text;
using System.Text.Json.Nodes;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Streams;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Parsing;

/// <summary>Every Binance user-data fixture parses into the right normalized type with the right values.</summary>
public sealed class BinancePrivateParserTests
{
    [Test]
    public void Parse_OrderTradeUpdateFixture_YieldsNewTrailingStopAndNoFill()
    {
        var sink = Parse(SharedFolder.Message("binance/ws_order_trade_update.json"), PrivateFrameKind.Data);
        var o = sink.Orders.Single();
        Assert.That((o.Symbol, o.ClientOrderId, o.ExchangeOrderId, o.Side), Is.EqualTo(("BTCUSDT", "TEST", "8886774", Side.Sell)));
        Assert.That((o.Type, o.VenueType, o.TimeInForce, o.Status), Is.EqualTo((OrderType.StopMarket, "TRAILING_STOP_MARKET", TimeInForce.GoodTillCancel, OrderStatus.New)));
        Assert.That((o.Qty, o.Price, o.AvgPrice, o.TriggerPrice, o.FilledQty, o.ReduceOnly, o.UpdatedMs), Is.EqualTo((0.001m, 0m, 0m, 7103.04m, 0m, false, 1568879465650L)));
        Assert.That(sink.Fills, Is.Empty);
    }

    [Test]
    public void Parse_OrderTradeUpdateFinalTrade_HandsOnTheFillBeforeTheFilledStatus()
    {
        // The last fill of an order and its FILLED status arrive in one event: the fill must reach the engine first, or
        // a take-profit that ended "filled" with its fill unbooked looks gone while the position is still open.
        var root = JsonNode.Parse(SharedFolder.Message("binance/ws_order_trade_update.json"))!;
        var o = root["o"]!;
        (o["o"], o["ot"], o["f"], o["p"], o["x"], o["X"]) = ("LIMIT", "LIMIT", "GTC", "7100.5", "TRADE", "FILLED");
        (o["l"], o["z"], o["L"], o["ap"], o["n"], o["t"], o["m"], o["rp"]) = ("0.001", "0.001", "7100.5", "7100.5", "0.0012", 43, true, "1.5");
        var calls = new List<string>();
        var sink = new OrderingSink(calls);

        Assert.That(BinancePrivateMessageParser.Parse(Encoding.UTF8.GetBytes(root.ToJsonString()), sink), Is.EqualTo(PrivateFrameKind.Data));

        Assert.That(calls, Is.EqualTo(new[] { "fill", "order FILLED" }));
    }

    private sealed class OrderingSink(List<string> calls) : IPrivateMessageSink
    {
        public void OnOrder(ExchangeOrder order) => calls.Add("order " + order.Status.ToString().ToUpperInvariant());

        public void OnFill(ExchangeFill fill) => calls.Add("fill");

        public void OnPosition(ExchangePosition position) => calls.Add("position");

        public void OnWallet(ExchangeWallet wallet) => calls.Add("wallet");

        public void OnControl(PrivateControlKind kind, string? detail) => calls.Add("control");
    }

    [Test]
    public void Parse_OrderTradeUpdateWithTrade_YieldsOrderAndFill()
    {
        // Derived from the published fixture: the same event as a partial fill (x=TRADE) of a GTX limit order.
        var root = JsonNode.Parse(SharedFolder.Message("binance/ws_order_trade_update.json"))!;
        var o = root["o"]!;
        o["o"] = "LIMIT";
        o["ot"] = "LIMIT";
        o["f"] = "GTX";
        o["p"] = "7100.5";
        o["x"] = "TRADE";
        o["X"] = "PARTIALLY_FILLED";
        o["l"] = "0.0005";
        o["z"] = "0.0005";
        o["L"] = "7100.5";
        o["ap"] = "7100.5";
        o["n"] = "0.0012";
        o["t"] = 42;
        o["m"] = true;
        o["rp"] = "1.5";
        var sink = Parse(root.ToJsonString(), PrivateFrameKind.Data);
        Assert.That(sink.Orders.Single().Status, Is.EqualTo(OrderStatus.PartiallyFilled));
        var f = sink.Fills.Single();
        Assert.That((f.ExecId, f.ExchangeOrderId, f.ClientOrderId, f.Side, f.Price, f.Qty), Is.EqualTo(("42", "8886774", "TEST", Side.Sell, 7100.5m, 0.0005m)));
        Assert.That((f.Fee, f.FeeAsset, f.FeeKnown, f.IsMaker, f.TimeMs, f.RealizedPnl), Is.EqualTo((0.0012m, (string?)"USDT", true, true, 1568879465650L, 1.5m)));
    }

    [Test]
    public void Parse_ExpiredPostOnly_IsExpiredWithPostOnlyReason()
    {
        var root = JsonNode.Parse(SharedFolder.Message("binance/ws_order_trade_update.json"))!;
        root["o"]!["o"] = "LIMIT";
        root["o"]!["ot"] = "LIMIT";
        root["o"]!["f"] = "GTX";
        root["o"]!["x"] = "EXPIRED";
        root["o"]!["X"] = "EXPIRED";
        var o = Parse(root.ToJsonString(), PrivateFrameKind.Data).Orders.Single();
        Assert.That((o.Status, o.Reject), Is.EqualTo((OrderStatus.Expired, RejectReason.PostOnlyWouldTake)));
    }

    [Test]
    public void Parse_TradeLiteFixture_YieldsFeeLessFill()
    {
        var f = Parse(SharedFolder.Message("binance/ws_trade_lite.json"), PrivateFrameKind.Data).Fills.Single();
        Assert.That((f.Symbol, f.ExecId, f.ExchangeOrderId, f.ClientOrderId, f.Side), Is.EqualTo(("BTCUSDT", "109100866", "8886774", "z8hcUoOsqEdKMeKPSABslD", Side.Buy)));
        Assert.That((f.Price, f.Qty, f.IsMaker, f.TimeMs, f.FeeKnown), Is.EqualTo((64089.20m, 0.040m, false, 1721895408214L, false)));
    }

    [Test]
    public void Parse_AccountUpdateFixture_YieldsBalancesAndThreePositions()
    {
        var sink = Parse(SharedFolder.Message("binance/ws_account_update.json"), PrivateFrameKind.Data);
        var w = sink.Wallets.Single();
        Assert.That(w.TotalEquity, Is.Null, "cw is not the available balance; totals stay unknown");
        Assert.That(w.Assets.Select(a => (a.Asset, a.WalletBalance)), Is.EqualTo(new[] { ("USDT", 122624.12345678m), ("BUSD", 1.00000000m) }));
        Assert.That(w.UpdatedMs, Is.EqualTo(1564745798939L));
        Assert.That(sink.Positions.Select(p => (p.Symbol, p.Slot, p.Side, p.Size, p.EntryPrice, p.UnrealizedPnl)), Is.EqualTo(new[]
        {
            ("BTCUSDT", PositionSlot.OneWay, (Side?)null, 0m, 0m, 0m),
            ("BTCUSDT", PositionSlot.HedgeLong, (Side?)Side.Buy, 20m, 6563.665m, 2850.212m),
            ("BTCUSDT", PositionSlot.HedgeShort, (Side?)Side.Sell, 10m, 6563.86m, -1423.156m),
        }));
    }

    [Test]
    public void Parse_AlgoUpdateFixture_YieldsCancelledTakeProfit()
    {
        var o = Parse(SharedFolder.Message("binance/ws_algo_update.json"), PrivateFrameKind.Data).Orders.Single();
        Assert.That((o.Symbol, o.ClientOrderId, o.ExchangeOrderId, o.Side), Is.EqualTo(("BNBUSDT", "Q5xaq5EGKgXXa0fD7fs0Ip", "2148719", Side.Sell)));
        Assert.That((o.Type, o.Status, o.Qty, o.Price, o.TriggerPrice, o.FilledQty), Is.EqualTo((OrderType.TakeProfitMarket, OrderStatus.Cancelled, 0.01m, 750m, 750m, 0m)));
        Assert.That((o.RejectText, o.UpdatedMs), Is.EqualTo(((string?)"Reduce Only reject", 1750515742297L)));
    }

    [Test]
    public void Parse_ListenKeyExpiredFixture_YieldsControl()
    {
        var sink = Parse(SharedFolder.Message("binance/ws_listen_key_expired.json"), PrivateFrameKind.Control);
        Assert.That(sink.Controls.Single().Kind, Is.EqualTo(PrivateControlKind.ListenKeyExpired));
    }

    [Test]
    public void Parse_ControlAnswerAndUnknownEvent_DispatchNothing()
    {
        Assert.That(Parse(SharedFolder.MessageEntry("binance/ws_control_messages.json", "subscribe_response"), PrivateFrameKind.Control).Total, Is.Zero);
        Assert.That(Parse("{\"e\":\"MARGIN_CALL\",\"E\":1}", PrivateFrameKind.Unknown).Total, Is.Zero);
        Assert.That(Parse("[1,2]", PrivateFrameKind.Unknown).Total, Is.Zero);
        Assert.That(Parse("{\"e\":\"ORDER_TRADE_UPDATE\",\"o\":{\"s\":\"BTCUSDT\"}}", PrivateFrameKind.Malformed).Total, Is.Zero);
    }

    private static RecordingPrivateSink Parse(string frame, PrivateFrameKind expected)
    {
        var sink = new RecordingPrivateSink();
        Assert.That(BinancePrivateMessageParser.Parse(Encoding.UTF8.GetBytes(frame), sink), Is.EqualTo(expected));
        return sink;
    }
}
