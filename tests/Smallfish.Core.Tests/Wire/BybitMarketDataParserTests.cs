using System.Text;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Wire;
using Smallfish.Wire.Bybit;
using Smallfish.Wire.Text;

namespace Smallfish.Core.Tests.Wire;

public class BybitMarketDataParserTests
{
    private const long Ms = 1_000_000;

    // BTCUSDT's grid straight from the published instruments-info fixture (tick 0.10, step 0.001).
    private static (BybitMarketDataParser Parser, SymbolTable Symbols) Create(bool emitTickerBbo = false)
    {
        var specs = new List<InstrumentSpec>();
        Assert.That(BybitInstrumentsInfoParser.TryParse(SharedData.FixtureMessage("bybit/rest_instruments_info_linear.json"), specs, out var error), Is.True, error);
        var catalog = new InstrumentCatalog(specs);
        var symbols = new SymbolTable();
        symbols.GetOrAdd("BTCUSDT");
        return (new BybitMarketDataParser(symbols, catalog, emitTickerBbo), symbols);
    }

    private static byte[] U8(string s) => Encoding.UTF8.GetBytes(s);

    [Test]
    public void Parse_OrderbookSnapshotFixture_SnapshotWithSequenceAndTimes()
    {
        var (parser, _) = Create();
        var sink = new RecordingSink();
        Assert.That(parser.Parse(SharedData.FixtureMessage("bybit/ws_orderbook50_snapshot.json"), 11, sink), Is.EqualTo(WireParseStatus.Ok));
        var b = sink.Books.Single();
        Assert.Multiple(() =>
        {
            Assert.That(b.Kind, Is.EqualTo(BookUpdateKind.Snapshot));
            Assert.That(b.LastUpdateId, Is.EqualTo(18521288));
            Assert.That(b.Sequence, Is.EqualTo(7961638724));
            Assert.That(b.ExchTsNs, Is.EqualTo(1672304484978 * Ms));
            Assert.That(b.EngineTsNs, Is.EqualTo(1672304484976 * Ms));
            Assert.That(b.LocalTsNs, Is.EqualTo(11));
            Assert.That(b.Bids.Prices.ToArray(), Is.EqualTo(new long[] { 164935, 164930 }));
            Assert.That(b.Bids.Quantities.ToArray(), Is.EqualTo(new long[] { 6, 100 }));
            Assert.That(b.Asks.Prices.ToArray(), Is.EqualTo(new long[] { 166110, 166120 }));
            Assert.That(b.Asks.Quantities.ToArray(), Is.EqualTo(new long[] { 29, 213 }));
        });
    }

    [Test]
    public void Parse_OrderbookDeltaFixture_ZeroSizeKeptAsDelete()
    {
        var (parser, _) = Create();
        var sink = new RecordingSink();
        Assert.That(parser.Parse(SharedData.FixtureMessage("bybit/ws_orderbook50_delta.json"), 0, sink), Is.EqualTo(WireParseStatus.Ok));
        var b = sink.Books.Single();
        Assert.That(b.Kind, Is.EqualTo(BookUpdateKind.Delta));
        Assert.That(b.LastUpdateId, Is.EqualTo(177400507));
        Assert.That(b.Bids.Count, Is.EqualTo(5));
        Assert.That(b.Bids.PriceAt(4), Is.EqualTo(302400));
        Assert.That(b.Bids.QtyAt(4), Is.Zero);
        Assert.That(b.Asks.Count, Is.EqualTo(7));
    }

    [Test]
    public void Parse_KeysInSpotOrderWithTypeAfterData_SameResult()
    {
        var (parser, _) = Create();
        var sink = new RecordingSink();
        var json = U8("""{"topic":"orderbook.50.BTCUSDT","ts":1672304484978,"data":{"s":"BTCUSDT","b":[["16493.50","0.006"]],"a":[["16611.00","0.029"]],"u":5,"seq":7},"type":"snapshot","cts":1}""");
        Assert.That(parser.Parse(json, 0, sink), Is.EqualTo(WireParseStatus.Ok));
        Assert.That(sink.Books.Single().Kind, Is.EqualTo(BookUpdateKind.Snapshot));
        Assert.That(sink.Books[0].ExchTsNs, Is.EqualTo(1672304484978 * Ms));
    }

    [Test]
    public void Parse_PublicTradeFixture_TakerSideSizePriceAndStableIdHash()
    {
        var (parser, _) = Create();
        var sink = new RecordingSink();
        Assert.That(parser.Parse(SharedData.FixtureMessage("bybit/ws_public_trade.json"), 4, sink), Is.EqualTo(WireParseStatus.Ok));
        var t = sink.Trades.Single();
        long expectedId = TradeIdHash.Compute("20f43950-d8dd-5b31-9112-a178eb6023af"u8);
        Assert.That(t, Is.EqualTo(new TradeEvent(0, 1672304486865 * Ms, 4, 165785, 1, Side.Buy, expectedId)));
        Assert.That(expectedId, Is.Not.Zero);
        Assert.That(expectedId, Is.Not.EqualTo(TradeIdHash.Compute("20f43950-d8dd-5b31-9112-a178eb6023ae"u8)));
    }

    [Test]
    public void Parse_TradeBatchWithBlockTradeAndSell_OneEventPerTradeInOrder()
    {
        var (parser, _) = Create();
        var sink = new RecordingSink();
        var json = U8("""{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":2,"data":[{"T":1,"s":"BTCUSDT","S":"Sell","v":"0.010","p":"65114.30","i":"a","BT":true},{"T":2,"s":"BTCUSDT","S":"Buy","v":"0.001","p":"65114.40","i":"123","BT":false}]}""");
        Assert.That(parser.Parse(json, 0, sink), Is.EqualTo(WireParseStatus.Ok));
        Assert.That(sink.Trades, Has.Count.EqualTo(2));
        Assert.That(sink.Trades[0].Aggressor, Is.EqualTo(Side.Sell));
        Assert.That(sink.Trades[0].Flags, Is.EqualTo(TradeFlags.Block));
        Assert.That(sink.Trades[1].TradeId, Is.EqualTo(123));
        Assert.That(sink.Trades[1].PriceTicks, Is.EqualTo(651144));
    }

    [Test]
    public void Parse_TradeBatchWithOneBadTrade_MalformedAndNoTradePushed()
    {
        var (parser, _) = Create();
        var sink = new RecordingSink();
        var json = U8("""{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":2,"data":[{"T":1,"S":"Sell","v":"0.010","p":"65114.30","i":"a"},{"T":2,"S":"Hold","v":"0.001","p":"65114.40","i":"b"}]}""");
        Assert.That(parser.Parse(json, 0, sink), Is.EqualTo(WireParseStatus.Malformed));
        Assert.That(sink.Trades, Is.Empty);
    }

    [Test]
    public void Parse_TickerSnapshotFixtureThenDelta_DeltaMergedIntoCachedFields()
    {
        var (parser, symbols) = Create();
        var sink = new RecordingSink();
        Assert.That(parser.Parse(SharedData.FixtureMessage("bybit/ws_tickers_linear_snapshot_realistic.json"), 1, sink), Is.EqualTo(WireParseStatus.Ok));
        var first = sink.Tickers.Single();
        Assert.Multiple(() =>
        {
            Assert.That(first.LastPrice, Is.EqualTo(17216.00));
            Assert.That(first.MarkPrice, Is.EqualTo(17217.33));
            Assert.That(first.IndexPrice, Is.EqualTo(17227.36));
            Assert.That(first.FundingRate, Is.EqualTo(-0.000212));
            Assert.That(first.NextFundingTimeNs, Is.EqualTo(1673280000000 * Ms));
            Assert.That(first.Turnover24h, Is.EqualTo(1570383121.943499));
            Assert.That(first.PriceChangePct24h, Is.EqualTo(0.017103));
            Assert.That(first.ExchTsNs, Is.EqualTo(1673272861686 * Ms));
        });

        // A delta carries only what changed (here the index and the best bid).
        var delta = U8("""{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","indexPrice":"17230.01","bid1Price":"17215.60","bid1Size":"1.000"},"cs":24987956100,"ts":1673272861786}""");
        Assert.That(parser.Parse(delta, 2, sink), Is.EqualTo(WireParseStatus.Ok));
        var second = sink.Tickers[1];
        Assert.Multiple(() =>
        {
            Assert.That(second.IndexPrice, Is.EqualTo(17230.01));
            Assert.That(second.LastPrice, Is.EqualTo(17216.00));
            Assert.That(second.MarkPrice, Is.EqualTo(17217.33));
            Assert.That(second.FundingRate, Is.EqualTo(-0.000212));
            Assert.That(second.ExchTsNs, Is.EqualTo(1673272861786 * Ms));
        });
        var state = parser.Ticker(symbols.GetOrAdd("BTCUSDT"));
        Assert.That(state.Bid1Ticks, Is.EqualTo(172156));
        Assert.That(state.Ask1Ticks, Is.EqualTo(172160));
        Assert.That(state.CrossSequence, Is.EqualTo(24987956100));
    }

    [Test]
    public void Parse_TickerWithBboOption_BboCarriesCrossSequence()
    {
        var (parser, _) = Create(emitTickerBbo: true);
        var sink = new RecordingSink();
        parser.Parse(SharedData.FixtureMessage("bybit/ws_tickers_linear_perp_snapshot.json"), 1, sink);
        Assert.That(sink.Bbos.Single(), Is.EqualTo(new BboEvent(0, 1760325052630 * Ms, 1, 9532239429, 666666, 23789165, 666667, 23775469)));
        parser.Parse(U8("""{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","markPrice":"66666.00"},"cs":9532239430,"ts":1760325052730}"""), 2, sink);
        Assert.That(sink.Bbos, Has.Count.EqualTo(1), "a delta without bid1/ask1 raises no BBO");
    }

    [TestCase("subscribe_response_public_linear")]
    [TestCase("ping_response_public_linear")]
    [TestCase("pong_private")]
    public void Parse_ControlMessageFixture_Ignored(string name)
    {
        var (parser, _) = Create();
        using var doc = SharedData.Fixture("bybit/ws_control_messages.json");
        var json = U8(doc.RootElement.GetProperty("message").GetProperty(name).GetRawText());
        Assert.That(parser.Parse(json, 0, new RecordingSink()), Is.EqualTo(WireParseStatus.Ignored));
    }

    [Test]
    public void Parse_KlineFixture_Ignored()
    {
        var (parser, _) = Create();
        Assert.That(parser.Parse(SharedData.FixtureMessage("bybit/ws_kline.json"), 0, new RecordingSink()), Is.EqualTo(WireParseStatus.Ignored));
    }

    [TestCase("""{"topic":"orderbook.50.SOLUSDT","type":"delta","ts":1,"data":{"s":"SOLUSDT","b":[],"a":[],"u":2,"seq":3}}""", WireParseStatus.UnknownSymbol)]
    [TestCase("""{"topic":"insurance.USDT","type":"delta","ts":1,"data":[]}""", WireParseStatus.UnknownEvent)]
    [TestCase("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"s":"BTCUSDT","b":[["1.05","1"]],"a":[],"u":2}}""", WireParseStatus.Malformed)]
    [TestCase("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"s":"BTCUSDT","b":[],"a":[]}}""", WireParseStatus.Malformed)]
    [TestCase("""{"topic":"orderbook.50.BTCUSDT","type":"delta","data":{"s":"BTCUSDT","b":[],"a":[],"u":2}}""", WireParseStatus.Malformed)]
    [TestCase("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"s":"BTCUSDT","b":[["1.0",""")]
    [TestCase("""not json""", WireParseStatus.Malformed)]
    public void Parse_UnusableMessages_StatusWithoutThrowingOrPushing(string json, WireParseStatus expected = WireParseStatus.Malformed)
    {
        var (parser, _) = Create();
        var sink = new RecordingSink();
        WireParseStatus status = default;
        Assert.That(() => status = parser.Parse(U8(json), 0, sink), Throws.Nothing);
        Assert.That(status, Is.EqualTo(expected));
        Assert.That(sink.Books.Count + sink.Trades.Count + sink.Tickers.Count, Is.Zero);
    }

    [Test]
    public void Parse_RepeatedMessages_AllocatesNothing()
    {
        var (parser, _) = Create(emitTickerBbo: true);
        var sink = new RecordingSink();
        var book = U8("""{"topic":"orderbook.200.BTCUSDT","type":"delta","ts":1786310846428,"data":{"s":"BTCUSDT","b":[],"a":[["65135.00","0.577"]],"u":15077219,"seq":753844622662},"cts":1786310846427}""");
        var trade = U8("""{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1786310821073,"data":[{"T":1786310821072,"s":"BTCUSDT","S":"Buy","v":"0.009","p":"65114.30","L":"PlusTick","i":"c357a7ba-f1ba-5dfc-9e6e-3f4afe1b72dd","BT":false,"RPI":false,"seq":753843990926}]}""");
        var ticker = U8("""{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","indexPrice":"65138.38","bid1Price":"65114.20","ask1Price":"65114.30"},"cs":753843970781,"ts":1786310820283}""");
        var counting = new CountingSink();
        for (int i = 0; i < 100; i++) Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Run();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);

        void Run()
        {
            parser.Parse(book, 1, counting);
            parser.Parse(trade, 1, counting);
            parser.Parse(ticker, 1, counting);
        }
    }

    private sealed class CountingSink : IMarketEventSink
    {
        public long Events;
        public void OnBook(BookUpdate update) => Events++;
        public void OnTrade(in TradeEvent trade) => Events++;
        public void OnBbo(in BboEvent bbo) => Events++;
        public void OnTicker(in TickerEvent ticker) => Events++;
    }
}
