using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Streams;
using Smallfish.Wire;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Tests.Wire;

/// <summary>Binance frame writers read back by the official wire parser and the gateway's private/REST parsers give the same values.</summary>
public sealed class BinanceWriterRoundTripTests
{
    private static readonly Core.Instruments.InstrumentSpec Btc = TestInstruments.Btc;

    private static WireOrder Order(OrderStatus status, TimeInForce tif = TimeInForce.PostOnly, long filled = 0, decimal avg = 0, OrderType type = OrderType.Limit, long trigger = 0) =>
        new("BTCUSDT", "sf9-0-2-E0", 8_886_774, "x", Side.Sell, type, tif, status, type == OrderType.Limit ? 600_010 : 0, 25, trigger, filled, avg, 0.03m,
            type != OrderType.Limit, false, RejectReason.None, WireStopKind.None, 1_568_879_465_600, 1_568_879_465_650);

    private static BinanceMarketDataParser Parser()
    {
        var (symbols, catalog) = TestInstruments.Wire();
        return new BinanceMarketDataParser(symbols, catalog);
    }

    [Test]
    public void WriteDepthUpdate_RawAndCombined_WireParserReadsSameDiff([Values] bool combined)
    {
        var delta = Venues.Delta(0, 160, new[] { (600_000L, 10L), (599_990L, 0L) }, new[] { (600_001L, 100L) });
        delta.FirstUpdateId = 157;
        delta.PrevUpdateId = 149;
        var sink = new RecordingMarketSink();

        var status = Parser().Parse(Frames.Write(w => BinanceFrameWriter.WriteDepthUpdate(w, Btc, delta, 123_456_789, 123_456_788, combined ? "btcusdt@depth@100ms" : null)), 1, sink);

        Assert.That(status, Is.EqualTo(WireParseStatus.Ok));
        var d = sink.Books.Single();
        Assert.Multiple(() =>
        {
            Assert.That((d.Kind, d.FirstUpdateId, d.LastUpdateId, d.PrevUpdateId, d.ExchTsNs, d.EngineTsNs), Is.EqualTo((BookUpdateKind.Delta, 157L, 160L, 149L, 123_456_789_000_000L, 123_456_788_000_000L)));
            Assert.That(Frames.Levels(d.Bids), Is.EqualTo(Frames.Levels(delta.Bids)));
            Assert.That(Frames.Levels(d.Asks), Is.EqualTo(Frames.Levels(delta.Asks)));
        });
    }

    [Test]
    public void WriteDepthSnapshot_GatewayRestParserAndWireParser_ReadSameSnapshot()
    {
        var snapshot = Venues.Snapshot(0, 600_000, levels: 5);
        snapshot.LastUpdateId = 1_027_024;
        byte[] body = Frames.Write(w => BinanceFrameWriter.WriteDepthSnapshot(w, Btc, snapshot, 1_589_436_922_972, 1_589_436_922_959));
        using var doc = JsonDocument.Parse(body);
        var rest = BinanceMarketParser.ParseDepth(doc.RootElement, Btc, 0, 0);
        var sink = new RecordingMarketSink();

        var status = Parser().Parse(body, 1, sink, snapshotSymbolId: 0);

        Assert.That(status, Is.EqualTo(WireParseStatus.Ok));
        foreach (var read in new[] { rest, sink.Books.Single() })
        {
            Assert.That((read.Kind, read.LastUpdateId), Is.EqualTo((BookUpdateKind.Snapshot, 1_027_024L)));
            Assert.That(Frames.Levels(read.Bids), Is.EqualTo(Frames.Levels(snapshot.Bids)));
            Assert.That(Frames.Levels(read.Asks), Is.EqualTo(Frames.Levels(snapshot.Asks)));
        }
    }

    [Test]
    public void WriteAggTradeAndTrade_TakerSides_WireParserReadsAggressor([Values] Side taker)
    {
        var trade = new TradeEvent(0, 123_456_785_000_000, 0, 600_003, 42, taker, 5_933_014);
        var sink = new RecordingMarketSink();
        var parser = Parser();

        parser.Parse(Frames.Write(w => BinanceFrameWriter.WriteAggTrade(w, Btc, trade, 5_933_014, 100, 105, 123_456_789, "btcusdt@aggTrade")), 1, sink);
        parser.Parse(Frames.Write(w => BinanceFrameWriter.WriteTrade(w, Btc, trade, 123_456_789, null)), 2, sink);

        Assert.That(sink.Trades.Select(t => (t.ExchTsNs, t.PriceTicks, t.QtyLots, t.Aggressor)), Is.EqualTo(Enumerable.Repeat((trade.ExchTsNs, 600_003L, 42L, taker), 2)));
        Assert.That(sink.Trades[1].TradeId, Is.EqualTo(5_933_014));
    }

    [Test]
    public void WriteBookTickerAndMarkPrice_WireParserReadsBboAndTicker()
    {
        var sink = new RecordingMarketSink();
        var parser = Parser();
        var bbo = new BboEvent(0, 1_568_014_460_893_000_000, 0, 400_900_217, 600_000, 3_121, 600_001, 4_066);
        var ticker = new MarketTicker(600_000, 600_005, 599_990, 0.00038167m, 1_562_306_400_000, 0, 0, 0, 0, 0, 0, 0, 0, 0m, 0);

        parser.Parse(Frames.Write(w => BinanceFrameWriter.WriteBookTicker(w, Btc, bbo, 1_568_014_460_893, 1_568_014_460_891, null)), 1, sink);
        parser.Parse(Frames.Write(w => BinanceFrameWriter.WriteMarkPrice(w, Btc, ticker, 1_562_305_380_000, "btcusdt@markPrice@1s")), 2, sink);

        var b = sink.Bbos.Single();
        Assert.That((b.UpdateId, b.BidTicks, b.BidLots, b.AskTicks, b.AskLots), Is.EqualTo((400_900_217L, 600_000L, 3_121L, 600_001L, 4_066L)));
        var t = sink.Tickers.Single();
        Assert.That((t.MarkPrice, t.IndexPrice, t.FundingRate, t.NextFundingTimeNs), Is.EqualTo((60_000.5, 59_999.0, 0.00038167, 1_562_306_400_000_000_000L)));
    }

    [Test]
    public void WriteOrderTradeUpdate_NewThenTrade_GatewayReadsOrderAndFill()
    {
        var sink = new RecordingPrivateSink();
        var accepted = Order(OrderStatus.New);
        var partial = Order(OrderStatus.PartiallyFilled, filled: 10, avg: 600_010);
        var fill = new WireExecution(91, "simx-91", 600_010, 10, 0.0120002m, 0.0002m, true, 1_568_879_465_651, 0, 1.25m, 0, 0);

        BinancePrivateMessageParser.Parse(Frames.Write(w => BinancePrivateFrameWriter.WriteOrderTradeUpdate(w, Btc, accepted, BinancePrivateFrameWriter.ExecutionTypes.New, 1, 1)), sink);
        BinancePrivateMessageParser.Parse(Frames.Write(w => BinancePrivateFrameWriter.WriteOrderTradeUpdate(w, Btc, partial, fill, 2, 2)), sink);

        Assert.That(sink.Orders.Select(o => (o.Status, o.FilledQty)), Is.EqualTo(new[] { (OrderStatus.New, 0m), (OrderStatus.PartiallyFilled, 0.01m) }));
        Assert.That(sink.Orders.All(o => o.ExchangeOrderId == "8886774" && o.ClientOrderId == "sf9-0-2-E0" && o.TimeInForce == TimeInForce.PostOnly && o.Price == 60_001.0m), Is.True);
        Assert.That(ExecutionNormalizer.TryToFill(sink.Fills.Single(), TestInstruments.Gateway(), "sf9-0-2-E0", out var f), Is.True);
        Assert.That(f, Is.EqualTo(new Fill("91", "sf9-0-2-E0", "BTCUSDT", Side.Sell, 600_010, 10, 0.0120002m, true, 1_568_879_465_651_000_000)));
        Assert.That(sink.Fills.Single().RealizedPnl, Is.EqualTo(1.25m));
    }

    [Test]
    public void WriteOrderTradeUpdate_ExpiredPostOnly_GatewayReadsPostOnlyWouldTake()
    {
        var sink = new RecordingPrivateSink();

        BinancePrivateMessageParser.Parse(Frames.Write(w => BinancePrivateFrameWriter.WriteOrderTradeUpdate(w, Btc, Order(OrderStatus.Expired), BinancePrivateFrameWriter.ExecutionTypes.Expired, 1, 1)), sink);

        Assert.That((sink.Orders.Single().Status, sink.Orders.Single().Reject), Is.EqualTo((OrderStatus.Expired, RejectReason.PostOnlyWouldTake)));
    }

    [Test]
    public void WriteAccountUpdate_OrderReason_GatewayReadsBalanceAndPosition()
    {
        var sink = new RecordingPrivateSink();
        var wallet = new WireWallet("USDT", 122_624.12345678m, 0m, 0m, 0m, 0m, 0m, 0m, 0);
        var position = new WirePosition("BTCUSDT", 20_000, 6_563.665m, 6_600m, 10, 2_850.212m, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        BinancePrivateMessageParser.Parse(Frames.Write(w => BinancePrivateFrameWriter.WriteAccountUpdate(w, "ORDER", wallet, 50.12345678m, new[] { position }, new[] { Btc }, 1_564_745_798_939, 1_564_745_798_938)), sink);

        Assert.That(sink.Wallets.Single().Assets.Single().WalletBalance, Is.EqualTo(122_624.12345678m));
        var p = sink.Positions.Single();
        Assert.That((p.Side, p.Size, p.EntryPrice, p.UnrealizedPnl, p.UpdatedMs), Is.EqualTo((Side.Buy, 20m, 6_563.665m, 2_850.212m, 1_564_745_798_939L)));
    }

    [TestCase(OrderStatus.New, 0L, OrderStatus.New)]
    [TestCase(OrderStatus.Cancelled, 0L, OrderStatus.Cancelled)]
    [TestCase(OrderStatus.Filled, 25L, OrderStatus.Filled)]
    public void WriteAlgoUpdate_Lifecycle_GatewayReadsConditionalOrder(OrderStatus status, long filled, OrderStatus expected)
    {
        var sink = new RecordingPrivateSink();
        var order = Order(status, TimeInForce.GoodTillCancel, filled, filled > 0 ? 599_000 : 0, OrderType.StopMarket, 599_000);

        BinancePrivateMessageParser.Parse(Frames.Write(w => BinancePrivateFrameWriter.WriteAlgoUpdate(w, Btc, order, filled > 0 ? 77 : 0, "", 0, 1, 1)), sink);

        var o = sink.Orders.Single();
        Assert.That((o.Type, o.Status, o.TriggerPrice, o.ReduceOnly, o.ExchangeOrderId), Is.EqualTo((OrderType.StopMarket, expected, 59_900.0m, true, "8886774")));
    }

    [Test]
    public void WriteListenKeyExpired_GatewaySeesTheControlEvent()
    {
        var sink = new RecordingPrivateSink();

        var kind = BinancePrivateMessageParser.Parse(Frames.Write(w => BinancePrivateFrameWriter.WriteListenKeyExpired(w, "abc", 1_736_996_475_556)), sink);

        Assert.That(kind, Is.EqualTo(PrivateFrameKind.Control));
        Assert.That(sink.Controls.Single().Kind, Is.EqualTo(PrivateControlKind.ListenKeyExpired));
    }

    [Test]
    public void WriteRestObjects_GatewayRestParsersReadThem()
    {
        var order = Order(OrderStatus.PartiallyFilled, TimeInForce.GoodTillCancel, 10, 600_010);
        using var o = JsonDocument.Parse(Frames.Object(w => BinanceObjectWriter.WriteOrder(w, order, Btc)));
        using var a = JsonDocument.Parse(Frames.Object(w => BinanceObjectWriter.WriteAlgoOrder(w, Order(OrderStatus.New, TimeInForce.GoodTillCancel, type: OrderType.TakeProfitMarket, trigger: 601_000), Btc, 0)));
        using var p = JsonDocument.Parse(Frames.Object(w => BinanceObjectWriter.WritePositionRisk(w, new WirePosition("BTCUSDT", -30, 60_000m, 60_100m, 10, -3m, 0, 0, 0, 0, 0, 0, 0, 9, 0), Btc, v2: false)));
        using var b = JsonDocument.Parse("[" + Frames.Text(Frames.Object(w => BinanceObjectWriter.WriteBalance(w, new WireWallet("USDT", 100m, -3m, 80m, 10m, 7m, 1m, 0m, 5)))) + "]");
        using var t = JsonDocument.Parse(Frames.Object(w => BinanceObjectWriter.WriteUserTrade(w, order, new WireExecution(5, "simx-5", 600_010, 10, 0.01m, 0.0002m, false, 7, 0, 0, 0, 0), Btc)));

        var ro = BinanceOrderParser.ParseOrder(o.RootElement);
        var ra = BinanceOrderParser.ParseAlgoOrder(a.RootElement);
        var rp = BinanceAccountParser.ParsePositionRisk(p.RootElement);
        var rb = BinanceAccountParser.ParseBalance(b.RootElement, "USDT");
        var rt = BinanceOrderParser.ParseUserTrade(t.RootElement);

        Assert.Multiple(() =>
        {
            Assert.That((ro.Status, ro.FilledQty, ro.AvgPrice, ro.Price, ro.ExchangeOrderId), Is.EqualTo((OrderStatus.PartiallyFilled, 0.01m, 60_001.0m, 60_001.0m, "8886774")));
            Assert.That((ra.Type, ra.Status, ra.TriggerPrice), Is.EqualTo((OrderType.TakeProfitMarket, OrderStatus.New, 60_100.0m)));
            Assert.That((rp.Side, rp.Size, rp.EntryPrice, rp.UnrealizedPnl, rp.UpdatedMs), Is.EqualTo((Side.Sell, 0.03m, 60_000m, -3m, 9L)));
            Assert.That((rb.TotalEquity, rb.AvailableBalance, rb.WalletBalance), Is.EqualTo(((decimal?)97m, (decimal?)80m, (decimal?)100m)));
            Assert.That((rt.ExecId, rt.Price, rt.Qty, rt.Fee, rt.IsMaker), Is.EqualTo(("5", 60_001.0m, 0.01m, 0.01m, false)));
        });
    }
}
