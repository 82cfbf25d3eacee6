using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Streams;
using Smallfish.Wire;
using Smallfish.Wire.Bybit;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Tests.Wire;

/// <summary>Bybit frame writers read back by the official wire parsers and the gateway's private/REST parsers give the same values.</summary>
public sealed class BybitWriterRoundTripTests
{
    private static readonly Core.Instruments.InstrumentSpec Btc = TestInstruments.Btc;

    private static WireOrder Order(OrderStatus status, OrderType type = OrderType.Limit, TimeInForce tif = TimeInForce.PostOnly, long filled = 0,
        decimal avg = 0, RejectReason reject = RejectReason.None, long trigger = 0, WireStopKind stop = WireStopKind.None) =>
        new("BTCUSDT", "sf9-0-1-E0", 1_000_042, "00000000-0000-4000-8000-0000000f4272", Side.Buy, type, tif, status, type == OrderType.Limit ? 599_995 : 0,
            25, trigger, filled, avg, 0.0105m, false, stop != WireStopKind.None, reject, stop, 1_700_000_000_000, 1_700_000_000_500);

    [Test]
    public void WriteOrderBook_SnapshotAndDelta_WireParserReadsSameBook()
    {
        var (symbols, catalog) = TestInstruments.Wire();
        var parser = new BybitMarketDataParser(symbols, catalog);
        var snapshot = Venues.Snapshot(0, 600_000, levels: 3);
        snapshot.LastUpdateId = 18_521_288;
        snapshot.Sequence = 7_961_638_724;
        var delta = Venues.Delta(0, 18_521_289, new[] { (600_000L, 0L), (599_999L, 4_321L) }, new[] { (600_004L, 7L) });
        delta.Sequence = 7_961_638_725;
        var sink = new RecordingMarketSink();

        Assert.That(parser.Parse(Frames.Write(w => BybitFrameWriter.WriteOrderBook(w, Btc, 50, snapshot, 1_672_304_484_978, 1_672_304_484_976)), 5, sink), Is.EqualTo(WireParseStatus.Ok));
        Assert.That(parser.Parse(Frames.Write(w => BybitFrameWriter.WriteOrderBook(w, Btc, 50, delta, 1_672_304_484_999, 1_672_304_484_990)), 6, sink), Is.EqualTo(WireParseStatus.Ok));

        Assert.That(sink.Books, Has.Count.EqualTo(2));
        var (s, d) = (sink.Books[0], sink.Books[1]);
        Assert.Multiple(() =>
        {
            Assert.That((s.Kind, s.LastUpdateId, s.Sequence, s.ExchTsNs, s.EngineTsNs), Is.EqualTo((BookUpdateKind.Snapshot, 18_521_288L, 7_961_638_724L, 1_672_304_484_978_000_000L, 1_672_304_484_976_000_000L)));
            Assert.That(Frames.Levels(s.Bids), Is.EqualTo(Frames.Levels(snapshot.Bids)));
            Assert.That(Frames.Levels(s.Asks), Is.EqualTo(Frames.Levels(snapshot.Asks)));
            Assert.That((d.Kind, d.LastUpdateId, d.Sequence), Is.EqualTo((BookUpdateKind.Delta, 18_521_289L, 7_961_638_725L)));
            Assert.That(Frames.Levels(d.Bids), Is.EqualTo(Frames.Levels(delta.Bids)));
            Assert.That(Frames.Levels(d.Asks), Is.EqualTo(Frames.Levels(delta.Asks)));
        });
    }

    [Test]
    public void WritePublicTrades_TwoPrints_WireParserReadsTradesInOrder()
    {
        var (symbols, catalog) = TestInstruments.Wire();
        var sink = new RecordingMarketSink();
        var prints = new[]
        {
            new BybitTradePrint(new TradeEvent(0, 1_672_304_486_865_000_000, 0, 165_785, 1, Side.Buy, 77), BybitTickDirection.PlusTick, 1_783_284_617),
            new BybitTradePrint(new TradeEvent(0, 1_672_304_486_866_000_000, 0, 165_784, 250, Side.Sell, 78), BybitTickDirection.MinusTick, 1_783_284_618),
        };

        var status = new BybitMarketDataParser(symbols, catalog).Parse(Frames.Write(w => BybitFrameWriter.WritePublicTrades(w, Btc, prints, 1_672_304_486_868)), 9, sink);

        Assert.That(status, Is.EqualTo(WireParseStatus.Ok));
        Assert.That(sink.Trades.Select(t => (t.ExchTsNs, t.PriceTicks, t.QtyLots, t.Aggressor)),
            Is.EqualTo(prints.Select(p => (p.Trade.ExchTsNs, p.Trade.PriceTicks, p.Trade.QtyLots, p.Trade.Aggressor))));
    }

    [Test]
    public void WriteTicker_Snapshot_WireParserReadsPricesAndFunding()
    {
        var (symbols, catalog) = TestInstruments.Wire();
        var sink = new RecordingMarketSink();
        var ticker = new MarketTicker(666_666, 666_667, 666_600, -0.005m, 1_760_342_400_000, 666_666, 23_789_165, 666_667, 23_775_469, 792_062, 792_663, 650_769, 73_191_387, 4_936_790_807.6521m, 1000);

        var status = new BybitMarketDataParser(symbols, catalog).Parse(Frames.Write(w => BybitFrameWriter.WriteTicker(w, Btc, ticker, BybitTickDirection.MinusTick, true, 9_532_239_429, 1_760_325_052_630)), 1, sink);

        Assert.That(status, Is.EqualTo(WireParseStatus.Ok));
        var t = sink.Tickers.Single();
        Assert.Multiple(() =>
        {
            Assert.That((t.LastPrice, t.MarkPrice, t.IndexPrice), Is.EqualTo((66_666.6, 66_666.7, 66_660.0)));
            Assert.That((t.FundingRate, t.NextFundingTimeNs), Is.EqualTo((-0.005, 1_760_342_400_000_000_000L)));
            Assert.That(t.PriceChangePct24h, Is.EqualTo((double)ticker.PriceChangeFraction).Within(1e-9));
            Assert.That(t.Turnover24h, Is.EqualTo(4_936_790_807.6521).Within(1e-3));
        });
    }

    [TestCase(OrderStatus.New, RejectReason.None, OrderStatus.New)]
    [TestCase(OrderStatus.Expired, RejectReason.PostOnlyWouldTake, OrderStatus.Expired)]
    [TestCase(OrderStatus.Cancelled, RejectReason.None, OrderStatus.Cancelled)]
    [TestCase(OrderStatus.Filled, RejectReason.None, OrderStatus.Filled)]
    public void WriteOrder_PrivateTopic_GatewayReadsSameNormalizedUpdate(OrderStatus status, RejectReason reject, OrderStatus expected)
    {
        long filled = status == OrderStatus.Filled ? 25 : 0;
        var order = Order(status, filled: filled, avg: filled > 0 ? 599_995m : 0, reject: reject);
        var sink = new RecordingPrivateSink();

        var kind = BybitPrivateMessageParser.Parse(Frames.Write(w => BybitPrivateFrameWriter.WriteOrder(w, order, Btc, "1", 1_700_000_000_600)), sink);

        Assert.That(kind, Is.EqualTo(PrivateFrameKind.Data));
        var o = sink.Orders.Single();
        Assert.That(ExecutionNormalizer.TryToOrderUpdate(o, TestInstruments.Gateway(), out var update), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That((o.ClientOrderId, o.ExchangeOrderId, o.Side, o.Type, o.TimeInForce), Is.EqualTo((order.ClientOrderId, order.OrderIdText, Side.Buy, OrderType.Limit, TimeInForce.PostOnly)));
            Assert.That((o.Price, o.Qty), Is.EqualTo((59_999.5m, 0.025m)));
            Assert.That((update.Status, update.Reject, update.FilledLots, update.AvgPriceTicks), Is.EqualTo((expected, reject, filled, order.AvgPriceTicks)));
            Assert.That(update.TsNs, Is.EqualTo(order.UpdatedMs * 1_000_000));
        });
    }

    [Test]
    public void WriteOrder_ArmedConditional_GatewayReadsStopMarketWithTrigger()
    {
        var order = Order(OrderStatus.New, OrderType.StopMarket, TimeInForce.GoodTillCancel, trigger: 599_000) with { ReduceOnly = true };
        var sink = new RecordingPrivateSink();

        BybitPrivateMessageParser.Parse(Frames.Write(w => BybitPrivateFrameWriter.WriteOrder(w, order, Btc, "2", 1)), sink);

        var o = sink.Orders.Single();
        Assert.That((o.Type, o.Status, o.TriggerPrice, o.ReduceOnly), Is.EqualTo((OrderType.StopMarket, OrderStatus.New, 59_900.0m, true)));
    }

    [Test]
    public void WriteExecution_PrivateTopic_GatewayReadsSameFill()
    {
        var order = Order(OrderStatus.PartiallyFilled, filled: 10, avg: 599_995);
        var fill = new WireExecution(31, "simx-31", 599_995, 10, 0.1199990m, 0.0002m, true, 1_700_000_000_400, 0, 0m, 55, 599_996);
        var sink = new RecordingPrivateSink();

        BybitPrivateMessageParser.Parse(Frames.Write(w => BybitPrivateFrameWriter.WriteExecution(w, order, fill, Btc, "3", 1)), sink);

        Assert.That(ExecutionNormalizer.TryToFill(sink.Fills.Single(), TestInstruments.Gateway(), sink.Fills.Single().ClientOrderId, out var f), Is.True);
        Assert.That(f, Is.EqualTo(new Fill("simx-31", "sf9-0-1-E0", "BTCUSDT", Side.Buy, 599_995, 10, 0.1199990m, true, 1_700_000_000_400_000_000)));
    }

    [Test]
    public void WriteFastExecution_MakerFill_HasNoClientIdAndNoFee()
    {
        var order = Order(OrderStatus.PartiallyFilled, filled: 10, avg: 599_995);
        var fill = new WireExecution(32, "simx-32", 599_995, 10, 0.12m, 0.0002m, true, 1_700_000_000_400, 0, 0m, 56, 0);
        var sink = new RecordingPrivateSink();

        BybitPrivateMessageParser.Parse(Frames.Write(w => BybitPrivateFrameWriter.WriteFastExecution(w, order, fill, Btc, "4", 1)), sink);

        var f = sink.Fills.Single();
        Assert.That((f.ClientOrderId, f.FeeKnown, f.Fee, f.Qty), Is.EqualTo(("", false, 0m, 0.01m)));
    }

    [Test]
    public void WritePosition_WebSocketAndRest_GatewayReadsSamePosition([Values] bool webSocket)
    {
        var position = new WirePosition("BTCUSDT", -1_500, 60_000.15m, 60_010.5m, 10, -15.525m, -1.2m, 33.3m, 9_001.575m, 450.07875m, 599_000, 601_000, 1_694_402_496_913, 1_697_682_317_038, 8_327_597_863);
        var sink = new RecordingPrivateSink();
        Exchanges.Models.ExchangePosition p;
        if (webSocket)
        {
            BybitPrivateMessageParser.Parse(Frames.Write(w => BybitPrivateFrameWriter.WritePosition(w, position, Btc, "5", 1)), sink);
            p = sink.Positions.Single();
        }
        else
        {
            using var doc = System.Text.Json.JsonDocument.Parse(Frames.Object(w => BybitObjectWriter.WritePosition(w, position, Btc, webSocket: false)));
            p = BybitAccountParser.ParsePosition(doc.RootElement);
        }
        Assert.That((p.Side, p.Size, p.EntryPrice, p.MarkPrice, p.UnrealizedPnl, p.Leverage, p.StopLoss, p.TakeProfit, p.UpdatedMs),
            Is.EqualTo((Side.Sell, 1.5m, 60_000.15m, 60_010.5m, -15.525m, 10m, 60_100.0m, 59_900.0m, 1_697_682_317_038L)));
    }

    [Test]
    public void WriteWallet_PrivateTopic_GatewayReadsTotals()
    {
        var wallet = new WireWallet("USDT", 9_684.46297164m, 578.45037859m, 9_556.6056555m, 100m, 27.857m, 5m, -12.5m, 1_700_034_722_104);
        var sink = new RecordingPrivateSink();

        BybitPrivateMessageParser.Parse(Frames.Write(w => BybitPrivateFrameWriter.WriteWallet(w, wallet, "6", 1_700_034_722_104)), sink);

        var w = sink.Wallets.Single();
        Assert.That((w.TotalEquity, w.AvailableBalance, w.WalletBalance, w.UnrealizedPnl), Is.EqualTo(((decimal?)wallet.Equity, (decimal?)wallet.AvailableBalance, (decimal?)wallet.WalletBalance, (decimal?)wallet.UnrealizedPnl)));
        Assert.That(w.Assets.Single(), Is.EqualTo(new Exchanges.Models.WalletAsset("USDT", wallet.WalletBalance, wallet.Equity, null, wallet.UnrealizedPnl)));
    }

    [Test]
    public void WriteOrder_RestRow_GatewayOrderParserReadsIt()
    {
        var order = Order(OrderStatus.PartiallyFilled, filled: 10, avg: 599_995.5m);
        using var doc = System.Text.Json.JsonDocument.Parse(Frames.Object(w => BybitObjectWriter.WriteOrder(w, order, Btc, webSocket: false)));

        var o = BybitOrderParser.ParseOrder(doc.RootElement);

        Assert.That((o.Status, o.FilledQty, o.AvgPrice, o.Price, o.CreatedMs), Is.EqualTo((OrderStatus.PartiallyFilled, 0.01m, 59_999.55m, 59_999.5m, 1_700_000_000_000L)));
    }
}
