using System.Text;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Wire;
using Smallfish.Wire.Binance;

namespace Smallfish.Core.Tests.Wire;

public class BinanceMarketDataParserTests
{
    private const long Ms = 1_000_000;

    // Doc fixtures are schema samples with made-up prices ("0.0024" for BTCUSDT), so the doc tests use a fine grid.
    private static (BinanceMarketDataParser Parser, SymbolTable Symbols) Create(params InstrumentSpec[] specs)
    {
        var catalog = new InstrumentCatalog(specs);
        var symbols = new SymbolTable();
        foreach (var s in specs) symbols.GetOrAdd(s.Symbol);
        return (new BinanceMarketDataParser(symbols, catalog), symbols);
    }

    private static readonly InstrumentSpec DocBtc = new("BTCUSDT", 0.0001m, 1m, 1m, 5m);
    private static readonly InstrumentSpec RealBtc = new("BTCUSDT", 0.10m, 0.001m, 0.001m, 100m);

    private static byte[] U8(string s) => Encoding.UTF8.GetBytes(s);

    private static void AssertDocDiff(BookUpdate b, long localNs)
    {
        Assert.Multiple(() =>
        {
            Assert.That(b.Kind, Is.EqualTo(BookUpdateKind.Delta));
            Assert.That(b.FirstUpdateId, Is.EqualTo(157));
            Assert.That(b.LastUpdateId, Is.EqualTo(160));
            Assert.That(b.PrevUpdateId, Is.EqualTo(149));
            Assert.That(b.ExchTsNs, Is.EqualTo(123456789 * Ms));
            Assert.That(b.EngineTsNs, Is.EqualTo(123456788 * Ms));
            Assert.That(b.LocalTsNs, Is.EqualTo(localNs));
            Assert.That(b.Bids.Prices.ToArray(), Is.EqualTo(new long[] { 24 }));
            Assert.That(b.Bids.Quantities.ToArray(), Is.EqualTo(new long[] { 10 }));
            Assert.That(b.Asks.Prices.ToArray(), Is.EqualTo(new long[] { 26 }));
            Assert.That(b.Asks.Quantities.ToArray(), Is.EqualTo(new long[] { 100 }));
        });
    }

    [Test]
    public void Parse_DepthUpdateFixture_DeltaWithSequenceAndTimes()
    {
        var (parser, _) = Create(DocBtc);
        var sink = new RecordingSink();
        var status = parser.Parse(SharedData.FixtureMessage("binance/ws_depth_update_diff.json"), 77, sink);
        Assert.That(status, Is.EqualTo(WireParseStatus.Ok));
        Assert.That(sink.Books, Has.Count.EqualTo(1));
        AssertDocDiff(sink.Books[0], 77);
    }

    [Test]
    public void Parse_CombinedStreamWrapperFixture_SameDeltaAsBarePayload()
    {
        var (parser, _) = Create(DocBtc);
        var sink = new RecordingSink();
        Assert.That(parser.Parse(SharedData.FixtureMessage("binance/ws_combined_stream_wrapper.json"), 5, sink), Is.EqualTo(WireParseStatus.Ok));
        AssertDocDiff(sink.Books.Single(), 5);
    }

    [Test]
    public void Parse_SymbolOnlyInLowerCaseStreamName_Resolved()
    {
        var (parser, symbols) = Create(DocBtc);
        var sink = new RecordingSink();
        var json = U8("""{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":123456789,"T":123456788,"U":157,"u":160,"pu":149,"b":[["0.0024","10"]],"a":[["0.0026","100"]]}}""");
        Assert.That(parser.Parse(json, 5, sink), Is.EqualTo(WireParseStatus.Ok));
        Assert.That(sink.Books.Single().SymbolId, Is.EqualTo(symbols.GetOrAdd("BTCUSDT")));
        AssertDocDiff(sink.Books[0], 5);
    }

    [Test]
    public void Parse_LevelsBeforeSymbol_ReadOnceSymbolKnown()
    {
        var (parser, _) = Create(DocBtc);
        var sink = new RecordingSink();
        var json = U8("""{"b":[["0.0024","10"]],"a":[["0.0026","100"]],"e":"depthUpdate","E":123456789,"T":123456788,"U":157,"u":160,"pu":149,"s":"BTCUSDT"}""");
        Assert.That(parser.Parse(json, 5, sink), Is.EqualTo(WireParseStatus.Ok));
        AssertDocDiff(sink.Books.Single(), 5);
    }

    [Test]
    public void Parse_RestDepthSnapshotFixture_SnapshotForTheGivenSymbol()
    {
        var (parser, symbols) = Create(new InstrumentSpec("BNBUSDT", 0.00000001m, 0.00000001m, 0, 0));
        int id = symbols.GetOrAdd("BNBUSDT");
        var sink = new RecordingSink();
        var json = SharedData.FixtureMessage("binance/rest_depth_snapshot.json");
        Assert.That(parser.Parse(json, 9, sink, snapshotSymbolId: id), Is.EqualTo(WireParseStatus.Ok));
        var b = sink.Books.Single();
        Assert.Multiple(() =>
        {
            Assert.That(b.Kind, Is.EqualTo(BookUpdateKind.Snapshot));
            Assert.That(b.SymbolId, Is.EqualTo(id));
            Assert.That(b.LastUpdateId, Is.EqualTo(1027024));
            Assert.That(b.ExchTsNs, Is.EqualTo(1589436922972 * Ms));
            Assert.That(b.EngineTsNs, Is.EqualTo(1589436922959 * Ms));
            Assert.That(b.Bids.PriceAt(0), Is.EqualTo(400_000_000));
            Assert.That(b.Bids.QtyAt(0), Is.EqualTo(43_100_000_000));
            Assert.That(b.Asks.PriceAt(0), Is.EqualTo(400_000_200));
            Assert.That(b.Asks.QtyAt(0), Is.EqualTo(1_200_000_000));
        });
    }

    [Test]
    public void Parse_RestSnapshotWithoutSymbol_MalformedNothingPushed()
    {
        var (parser, _) = Create(DocBtc);
        var sink = new RecordingSink();
        Assert.That(parser.Parse(SharedData.FixtureMessage("binance/rest_depth_snapshot.json"), 0, sink), Is.EqualTo(WireParseStatus.Malformed));
        Assert.That(sink.Books, Is.Empty);
        Assert.That(parser.LastError, Does.Contain("symbol"));
    }

    [Test]
    public void Parse_AggTradeFixture_BuyerMakerMeansTakerSold()
    {
        var (parser, _) = Create(new InstrumentSpec("BTCUSDT", 0.001m, 1m, 1m, 0));
        var sink = new RecordingSink();
        Assert.That(parser.Parse(SharedData.FixtureMessage("binance/ws_agg_trade.json"), 3, sink), Is.EqualTo(WireParseStatus.Ok));
        Assert.That(sink.Trades.Single(), Is.EqualTo(new TradeEvent(0, 123456785 * Ms, 3, 1, 100, Side.Sell, 5933014)));
    }

    [Test]
    public void Parse_RecordedTradeLine_TicksLotsAggressorAndId()
    {
        var (parser, _) = Create(RealBtc);
        var sink = new RecordingSink();
        var json = U8("""{"stream":"btcusdt@trade","data":{"e":"trade","E":1721347022956,"T":1721347022956,"s":"BTCUSDT","t":5182005737,"p":"63943.90","q":"0.003","X":"MARKET","m":true}}""");
        Assert.That(parser.Parse(json, 1721347021434994132, sink), Is.EqualTo(WireParseStatus.Ok));
        Assert.That(sink.Trades.Single(), Is.EqualTo(new TradeEvent(0, 1721347022956 * Ms, 1721347021434994132, 639439, 3, Side.Sell, 5182005737)));
    }

    [Test]
    public void Parse_TradeOfTypeInsuranceFund_FlaggedAsLiquidation()
    {
        var (parser, _) = Create(RealBtc);
        var sink = new RecordingSink();
        var json = U8("""{"e":"trade","E":1721347022956,"T":1721347022956,"s":"BTCUSDT","t":1,"p":"63943.90","q":"0.003","X":"INSURANCE_FUND","m":false}""");
        Assert.That(parser.Parse(json, 0, sink), Is.EqualTo(WireParseStatus.Ok));
        Assert.That(sink.Trades.Single().Flags, Is.EqualTo(TradeFlags.Liquidation));
        Assert.That(sink.Trades.Single().Aggressor, Is.EqualTo(Side.Buy));
    }

    [Test]
    public void Parse_BookTickerFixture_BboWithUpdateId()
    {
        var (parser, _) = Create(new InstrumentSpec("BNBUSDT", 0.0001m, 0.01m, 0, 0));
        var sink = new RecordingSink();
        Assert.That(parser.Parse(SharedData.FixtureMessage("binance/ws_book_ticker.json"), 8, sink), Is.EqualTo(WireParseStatus.Ok));
        Assert.That(sink.Bbos.Single(), Is.EqualTo(new BboEvent(0, 1568014460893 * Ms, 8, 400900217, 253519, 3121, 253652, 4066)));
    }

    [Test]
    public void Parse_MarkPriceFixture_TickerWithFunding()
    {
        var (parser, _) = Create(RealBtc);
        var sink = new RecordingSink();
        Assert.That(parser.Parse(SharedData.FixtureMessage("binance/ws_mark_price.json"), 1, sink), Is.EqualTo(WireParseStatus.Ok));
        var t = sink.Tickers.Single();
        Assert.Multiple(() =>
        {
            Assert.That(t.MarkPrice, Is.EqualTo(11794.15));
            Assert.That(t.IndexPrice, Is.EqualTo(11784.62659091));
            Assert.That(t.FundingRate, Is.EqualTo(0.00038167));
            Assert.That(t.NextFundingTimeNs, Is.EqualTo(1562306400000 * Ms));
            Assert.That(t.ExchTsNs, Is.EqualTo(1562305380000 * Ms));
            Assert.That(t.LastPrice, Is.NaN);
        });
    }

    [TestCase("""{"result":null,"id":1}""", WireParseStatus.Ignored)]
    [TestCase("""{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1,"s":"BTCUSDT","k":{"t":1}}}""", WireParseStatus.Ignored)]
    [TestCase("""{"stream":"btcusdt@depth5@100ms","data":{"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[],"a":[]}}""", WireParseStatus.Ignored)]
    [TestCase("""{"e":"forceOrder","E":1,"o":{"s":"BTCUSDT"}}""", WireParseStatus.UnknownEvent)]
    [TestCase("""{"code":2,"msg":"Invalid request"}""", WireParseStatus.UnknownEvent)]
    [TestCase("""{"e":"trade","E":1,"T":1,"s":"XRPUSDT","t":1,"p":"1.0","q":"1","m":true}""", WireParseStatus.UnknownSymbol)]
    public void Parse_MessagesWithNothingToPush_StatusAndNoEvents(string json, WireParseStatus expected)
    {
        var (parser, _) = Create(RealBtc);
        var sink = new RecordingSink();
        Assert.That(parser.Parse(U8(json), 0, sink), Is.EqualTo(expected));
        Assert.That(sink.Books.Count + sink.Trades.Count + sink.Bbos.Count + sink.Tickers.Count, Is.Zero);
    }

    [TestCase("""{"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["63943.90","0.003"]],"a":[""", TestName = "Parse_TruncatedJson_Malformed")]
    [TestCase("""[1,2,3]""", TestName = "Parse_NotAnObject_Malformed")]
    [TestCase("""{"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["63943.95","0.003"]],"a":[]}""", TestName = "Parse_PriceOffTickGrid_Malformed")]
    [TestCase("""{"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["63943.90","0.0031"]],"a":[]}""", TestName = "Parse_SizeOffLotGrid_Malformed")]
    [TestCase("""{"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"b":[],"a":[]}""", TestName = "Parse_DiffWithoutPu_Malformed")]
    [TestCase("""{"e":"trade","E":1,"T":"x","s":"BTCUSDT","t":1,"p":"1.0","q":"1","m":true}""", TestName = "Parse_TimeNotANumber_Malformed")]
    [TestCase("""{"e":"bookTicker","u":1,"s":"BTCUSDT","b":"abc","B":"1","a":"2.0","A":"1"}""", TestName = "Parse_BboPriceNotANumber_Malformed")]
    [TestCase("""{"e":"trade","s":"BTCUSDT"} trailing""", TestName = "Parse_TrailingGarbage_Malformed")]
    [TestCase("""{"e":"trade","E":1,"T":1,"s":"BTCUSDT","t":1,"p":"1.0","q":"-0.003","m":true}""", TestName = "Parse_NegativeTradeSize_Malformed")]
    [TestCase("""{"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["63943.90","-1.000"]],"a":[]}""", TestName = "Parse_NegativeLevelSize_Malformed")]
    public void Parse_BadInput_MalformedWithReasonNoThrowNoEvents(string json)
    {
        var (parser, _) = Create(RealBtc);
        var sink = new RecordingSink();
        WireParseStatus status = default;
        Assert.That(() => status = parser.Parse(U8(json), 0, sink), Throws.Nothing);
        Assert.That(status, Is.EqualTo(WireParseStatus.Malformed));
        Assert.That(parser.LastError, Is.Not.Null.And.Not.Empty);
        Assert.That(sink.Books.Count + sink.Trades.Count + sink.Bbos.Count, Is.Zero);
        Assert.That(parser.Counters.Malformed, Is.EqualTo(1));
    }

    [Test]
    public void Parse_RepeatedMessages_AllocatesNothing()
    {
        var (parser, _) = Create(RealBtc);
        var sink = new CountingOnlySink();
        var depth = U8("""{"stream":"btcusdt@depth@0ms","data":{"e":"depthUpdate","E":1721347200508,"T":1721347200456,"s":"BTCUSDT","U":4984033952965,"u":4984033952967,"pu":4984033632869,"b":[["63959.90","20.327"]],"a":[["63960.00","5.262"]]}}""");
        var trade = U8("""{"stream":"btcusdt@trade","data":{"e":"trade","E":1721347022956,"T":1721347022956,"s":"BTCUSDT","t":5182005737,"p":"63943.90","q":"0.003","X":"MARKET","m":true}}""");
        var bbo = U8("""{"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":4984029592044,"s":"BTCUSDT","b":"63945.10","B":"4.946","a":"63945.20","A":"0.098","T":1721347061442,"E":1721347061443}}""");
        for (int i = 0; i < 100; i++) Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Run();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(sink.Events, Is.EqualTo(3300));

        void Run()
        {
            parser.Parse(depth, 1, sink);
            parser.Parse(trade, 1, sink);
            parser.Parse(bbo, 1, sink);
        }
    }

    private sealed class CountingOnlySink : IMarketEventSink
    {
        public long Events;
        public void OnBook(BookUpdate update) => Events++;
        public void OnTrade(in TradeEvent trade) => Events++;
        public void OnBbo(in BboEvent bbo) => Events++;
        public void OnTicker(in TickerEvent ticker) => Events++;
    }
}
