using System.Text;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Streams;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Parsing;

/// <summary>Every Bybit private-stream fixture parses into the right normalized type with the right values.</summary>
public sealed class BybitPrivateParserTests
{
    [Test]
    public void Parse_OrderFixture_YieldsFilledOrder()
    {
        var sink = Parse("bybit/ws_order_option_filled.json", PrivateFrameKind.Data);
        var o = sink.Orders.Single();
        Assert.That(o.Symbol, Is.EqualTo("ETH-30DEC22-1400-C"));
        Assert.That(o.ExchangeOrderId, Is.EqualTo("5cf98598-39a7-459e-97bf-76ca765ee020"));
        Assert.That(o.ClientOrderId, Is.EqualTo(""));
        Assert.That((o.Side, o.Type, o.TimeInForce, o.Status), Is.EqualTo((Side.Sell, OrderType.Market, TimeInForce.ImmediateOrCancel, OrderStatus.Filled)));
        Assert.That((o.Price, o.Qty, o.FilledQty, o.AvgPrice), Is.EqualTo((72.5m, 1m, 1m, 75m)));
        Assert.That((o.Reject, o.RejectText, o.CreatedMs, o.UpdatedMs), Is.EqualTo((RejectReason.None, (string?)null, 1672364262444L, 1672364262457L)));
    }

    [Test]
    public void Parse_ExecutionFixture_YieldsTakerFillWithFee()
    {
        var f = Parse("bybit/ws_execution_linear.json", PrivateFrameKind.Data).Fills.Single();
        Assert.That((f.Symbol, f.ExecId, f.ExchangeOrderId, f.ClientOrderId), Is.EqualTo(("BTCUSDT", "0ab1bdf7-4219-438b-b30a-32ec863018f7", "9aac161b-8ed6-450d-9cab-c5cc67c21784", "")));
        Assert.That((f.Side, f.Price, f.Qty, f.Fee, f.FeeAsset, f.FeeKnown), Is.EqualTo((Side.Sell, 95900.1m, 0.5m, 26.3725275m, (string?)"USDT", true)));
        Assert.That((f.IsMaker, f.TimeMs, f.ExecType, f.RealizedPnl, f.IsTrade), Is.EqualTo((false, 1746270400353L, "Trade", 0.05m, true)));
    }

    [Test]
    public void Parse_FastExecutionFixture_YieldsFeeLessFill()
    {
        var f = Parse("bybit/ws_execution_fast_linear.json", PrivateFrameKind.Data).Fills.Single();
        Assert.That((f.Symbol, f.ExecId, f.ExchangeOrderId, f.ClientOrderId), Is.EqualTo(("ICPUSDT", "3510f361-0add-5c7b-a2e7-9679810944fc", "443d63fa-b4c3-4297-b7b1-23bca88b04dc", "test-00001")));
        Assert.That((f.Side, f.Price, f.Qty, f.IsMaker, f.TimeMs), Is.EqualTo((Side.Sell, 12.015m, 3000m, false, 1716800399334L)));
        Assert.That((f.FeeKnown, f.Fee, f.IsTrade), Is.EqualTo((false, 0m, true)));
    }

    [Test]
    public void Parse_PositionFixture_YieldsFlatHedgeShortRow()
    {
        var p = Parse("bybit/ws_position_linear.json", PrivateFrameKind.Data).Positions.Single();
        Assert.That((p.Symbol, p.Slot, p.Side, p.Size, p.IsFlat), Is.EqualTo(("BTCUSDT", PositionSlot.HedgeShort, (Side?)null, 0m, true)));
        Assert.That((p.EntryPrice, p.MarkPrice, p.Leverage, p.LiquidationPrice, p.UpdatedMs), Is.EqualTo((0m, 28184.5m, 10m, 0m, 1697682317038L)));
    }

    [Test]
    public void Parse_WalletFixture_YieldsAccountTotalsAndCoins()
    {
        var w = Parse("bybit/ws_wallet.json", PrivateFrameKind.Data).Wallets.Single();
        Assert.That((w.TotalEquity, w.AvailableBalance, w.WalletBalance, w.UnrealizedPnl, w.UpdatedMs),
            Is.EqualTo(((decimal?)10262.91335023m, (decimal?)9556.6056555m, (decimal?)9684.46297164m, (decimal?)0m, 1700034722104L)));
        var btc = w.Assets.Single();
        Assert.That((btc.Asset, btc.WalletBalance, btc.Equity, btc.UnrealizedPnl), Is.EqualTo(("BTC", 0.00102964m, (decimal?)0.00102964m, (decimal?)0m)));
    }

    [TestCase("auth_success_response", "AuthSucceeded")]
    [TestCase("subscribe_response_private", "SubscribeSucceeded")]
    [TestCase("subscribe_response_public_linear", "SubscribeSucceeded")]
    [TestCase("pong_private", "Pong")]
    [TestCase("ping_response_public_linear", "Pong")]
    [TestCase("ping_response_option", "Pong")]
    public void Parse_ControlFixture_YieldsControl(string entry, string expected)
    {
        var sink = new RecordingPrivateSink();
        var kind = BybitPrivateMessageParser.Parse(Encoding.UTF8.GetBytes(SharedFolder.MessageEntry("bybit/ws_control_messages.json", entry)), sink);
        Assert.That(kind, Is.EqualTo(PrivateFrameKind.Control));
        Assert.That(sink.Controls.Single().Kind.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_UnknownTopicAndCommandResponse_AreUnknownAndDispatchNothing()
    {
        var sink = new RecordingPrivateSink();
        Assert.That(BybitPrivateMessageParser.Parse(Encoding.UTF8.GetBytes("{\"topic\":\"dcp\",\"data\":[]}"), sink), Is.EqualTo(PrivateFrameKind.Unknown));
        Assert.That(BybitPrivateMessageParser.Parse(Encoding.UTF8.GetBytes(SharedFolder.MessageEntry("bybit/ws_control_messages.json", "subscribe_response_option_spread")), sink), Is.EqualTo(PrivateFrameKind.Unknown));
        Assert.That(sink.Total, Is.Zero);
    }

    [Test]
    public void Parse_FrameWithOneBadItem_DispatchesNothing()
    {
        string frame = "{\"topic\":\"execution\",\"data\":[" + ExecutionItem("e1", "Buy") + "," + ExecutionItem("e2", "Sideways") + "]}";
        var sink = new RecordingPrivateSink();
        Assert.That(BybitPrivateMessageParser.Parse(Encoding.UTF8.GetBytes(frame), sink), Is.EqualTo(PrivateFrameKind.Malformed));
        Assert.That(sink.Total, Is.Zero);
    }

    [Test]
    public void Parse_PostOnlyCancelledOrder_IsExpiredWithPostOnlyReason()
    {
        string order = SharedFolder.Message("bybit/rest_order_history_postonly_cancelled.json");
        using var doc = System.Text.Json.JsonDocument.Parse(order);
        string item = doc.RootElement.GetProperty("result").GetProperty("list")[0].GetRawText();
        var sink = new RecordingPrivateSink();
        BybitPrivateMessageParser.Parse(Encoding.UTF8.GetBytes("{\"topic\":\"order.linear\",\"data\":[" + item + "]}"), sink);
        var o = sink.Orders.Single();
        Assert.That((o.Status, o.Reject, o.RejectText, o.ClientOrderId), Is.EqualTo((OrderStatus.Expired, RejectReason.PostOnlyWouldTake, (string?)"EC_PostOnlyWillTakeLiquidity", "YLxaWKMiHU")));
    }

    internal static string ExecutionItem(string execId, string side, string orderLinkId = "", string orderId = "o-1") =>
        $"{{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"execId\":\"{execId}\",\"execPrice\":\"30000.5\",\"execQty\":\"0.002\",\"execFee\":\"0.01\",\"feeCurrency\":\"USDT\",\"execType\":\"Trade\",\"orderId\":\"{orderId}\",\"orderLinkId\":\"{orderLinkId}\",\"side\":\"{side}\",\"execTime\":\"1700000000000\",\"isMaker\":true}}";

    private static RecordingPrivateSink Parse(string fixture, PrivateFrameKind expected)
    {
        var sink = new RecordingPrivateSink();
        var kind = BybitPrivateMessageParser.Parse(Encoding.UTF8.GetBytes(SharedFolder.Message(fixture)), sink);
        Assert.That(kind, Is.EqualTo(expected));
        return sink;
    }
}
