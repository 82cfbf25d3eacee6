using System.IO.Compression;
using System.Text;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Core.Tests.Replay;

/// <summary>Truncated and malformed files, written to a temp folder: errors must name the file and the line.</summary>
public class ReaderErrorTests
{
    private const string Depth = """1721347198986000156 {"stream":"btcusdt@depth@0ms","data":{"e":"depthUpdate","E":1721347200508,"T":1721347200456,"s":"BTCUSDT","U":4984033952965,"u":4984033952967,"pu":4984033632869,"b":[["63959.90","20.327"]],"a":[["63960.00","5.262"]]}}""";
    private const string Trade = """1721347021434994132 {"stream":"btcusdt@trade","data":{"e":"trade","E":1721347022956,"T":1721347022956,"s":"BTCUSDT","t":5182005737,"p":"63943.90","q":"0.003","X":"MARKET","m":true}}""";

    private string _dir = "";
    private InstrumentCatalog _catalog = null!;
    private SymbolTable _symbols = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "smallfish-replay-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
        _symbols = new SymbolTable();
        foreach (var s in _catalog) _symbols.GetOrAdd(s.Symbol);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string WriteGzip(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        using var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [TestCase(2, TestName = "ReadAll_RealGzipCutInHalf_ThrowsNamingFileAndLine")]
    [TestCase(0, TestName = "ReadAll_RealGzipMissingFourTrailerBytes_ThrowsNamingFileAndLine")]
    public void ReadAll_TruncatedRealGzip_Throws(int divisor)
    {
        byte[] real = File.ReadAllBytes(Path.Combine(SharedData.HftBacktestDir, "ethusdt_20240718.gz"));
        int length = divisor == 0 ? real.Length - 4 : real.Length / divisor;
        string path = WriteBytes("ethusdt_20240718.gz", real[..length]);
        using var reader = new HftBacktestBinanceReader([path], _symbols, _catalog);
        var sink = new RecordingSink();

        var e = Assert.Throws<ReplayFormatException>(() => reader.ReadAll(sink))!;
        TestContext.Out.WriteLine(e.Message);
        Assert.Multiple(() =>
        {
            Assert.That(e.FilePath, Is.EqualTo(path));
            Assert.That(e.LineNumber, Is.EqualTo(reader.Counters.Lines + 1), "the line being read when the data ran out");
            Assert.That(e.Message, Does.StartWith($"{path}:{e.LineNumber}:"));
            Assert.That(e.Reason, Does.Contain("truncated"));
            Assert.That(reader.Counters.Lines, Is.LessThan(DataCounts.Of(path).Lines + (divisor == 0 ? 1 : 0)));
        });
    }

    [Test]
    public void ReadAll_MalformedThirdLine_ThrowsNamingFileAndLine()
    {
        string path = WriteGzip("btcusdt_20240101.gz", $"{Depth}\n{Trade}\n1721347021434994133 {{\"stream\":\"btcusdt@trade\",\"data\":{{\"e\":\"trade\",\"p\":\n{Trade}\n");
        using var reader = new HftBacktestBinanceReader([path], _symbols, _catalog);
        var sink = new RecordingSink();
        var e = Assert.Throws<ReplayFormatException>(() => reader.ReadAll(sink))!;
        Assert.That((e.FilePath, e.LineNumber), Is.EqualTo((path, 3L)));
        Assert.That(sink.Trades, Has.Count.EqualTo(1), "events before the bad line were pushed, none after it");
    }

    [Test]
    public void ReadAll_MalformedLinesUnderSkipPolicy_CountedAndTheRestRead()
    {
        string path = WriteGzip("btcusdt_20240101.gz", $"{Depth}\nnot-a-timestamp {{}}\n{Trade}\n1 {{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"p\":\"1.05\"}}\n{Trade}");
        using var reader = new HftBacktestBinanceReader([path], _symbols, _catalog, policy: ReplayErrorPolicy.Skip);
        var sink = new RecordingSink();
        var c = reader.ReadAll(sink);
        Assert.That((c.Lines, c.SkippedLines, c.BookDeltas, c.Trades), Is.EqualTo((5L, 2L, 1L, 2L)));
    }

    [Test]
    public void ReadNext_RealFileSteadyState_AllocatesNothingPerLine()
    {
        // The same file twice: the first pass grows every buffer to the largest line and message there is; the
        // second must then read, decompress and parse without allocating (after opening the file).
        string file = Path.Combine(SharedData.HftBacktestDir, "btcusdt_20240719.gz");
        using var reader = new HftBacktestBinanceReader([file, file], _symbols, _catalog);
        var sink = new CountOnly();
        long lines = DataCounts.Of(file).Lines;
        for (long i = 0; i < lines + 100; i++) reader.ReadNext(sink);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 40_000; i++) reader.ReadNext(sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(sink.Events, Is.EqualTo(lines + 40_100));
        Assert.That(allocated, Is.Zero);
    }

    private sealed class CountOnly : IMarketEventSink
    {
        public long Events;
        public void OnBook(BookUpdate update) => Events++;
        public void OnTrade(in TradeEvent trade) => Events++;
        public void OnBbo(in BboEvent bbo) => Events++;
        public void OnTicker(in TickerEvent ticker) => Events++;
    }

    [Test]
    public void ReadAll_PlainTextFile_ReadLikeGzip()
    {
        string path = WriteBytes("btcusdt_20240101.txt", Encoding.UTF8.GetBytes($"{Depth}\r\n{Trade}\r\n"));
        using var reader = new HftBacktestBinanceReader([path], _symbols, _catalog);
        var c = reader.ReadAll(new RecordingSink());
        Assert.That((c.Lines, c.BookDeltas, c.Trades), Is.EqualTo((2L, 1L, 1L)));
    }

    [Test]
    public void ReadAll_GzipWithLinesLongerThanTheBuffer_ReadWhole()
    {
        var levels = string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"[\"{60000 - i}.10\",\"1.000\"]"));
        string snapshot = $"1 {{\"lastUpdateId\":5,\"E\":1,\"T\":1,\"bids\":[{levels}],\"asks\":[[\"70000.00\",\"1.000\"]]}}";
        string path = WriteGzip("btcusdt_20240101.gz", snapshot + "\n" + Trade + "\n");
        using var reader = new HftBacktestBinanceReader([path], _symbols, _catalog);
        var sink = new RecordingSink();
        reader.ReadAll(sink);
        Assert.That(sink.Books.Single().Bids.Count, Is.EqualTo(5_000));
        Assert.That(sink.Trades, Has.Count.EqualTo(1));
    }

    [Test]
    public void ReadAll_CryptofeedBybitLineWithBadInnerJson_ThrowsNamingLine()
    {
        var lines = new[]
        {
            """{"t":"connect","conn":"BYBIT.ws.2","ts":1786310818.2235148,"addr":"wss://stream.bybit.com/v5/public/linear"}""",
            """{"t":"recv","conn":"BYBIT.ws.2","ts":1786310846.53812,"data":"{\"topic\":\"orderbook.200.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1786310846428,\"data\":{\"s\":\"BTCUSDT\",\"b\":[[\"65135.00\",\"0.577\"]],\"a\":[[\"65135.10\",\"1.000\"]],\"u\":1,\"seq\":2},\"cts\":1786310846427}"}""",
            """{"t":"recv","conn":"BYBIT.ws.2","ts":1786310846.63812,"data":"{\"topic\":\"orderbook.200.BTCUSDT\",\"type\":\"delta\",\"ts\":1786310846528,\"data\":{\"s\":\"BTCUSDT\",\"b\":[[\"65135.00\""}""",
        };
        string path = WriteGzip("BYBIT.jsonl.gz", string.Join("\n", lines) + "\n");
        var catalog = new InstrumentCatalog([new InstrumentSpec("BTCUSDT", 0.10m, 0.001m, 0.001m, 5m)]);
        using var reader = new CryptofeedBybitReader(path, _symbols, catalog);
        var sink = new RecordingSink();
        var e = Assert.Throws<ReplayFormatException>(() => reader.ReadAll(sink))!;
        Assert.That((e.FilePath, e.LineNumber), Is.EqualTo((path, 3L)));
        Assert.That(sink.Books, Has.Count.EqualTo(1));
    }

    [Test]
    public void ReadAll_CryptofeedBybitRecvOnUnknownConnection_ThrowsNamingLine()
    {
        string path = WriteGzip("BYBIT.jsonl.gz", """{"t":"recv","conn":"BYBIT.ws.9","ts":1.5,"data":"{}"}""" + "\n");
        using var reader = new CryptofeedBybitReader(path, _symbols, _catalog);
        var e = Assert.Throws<ReplayFormatException>(() => reader.ReadAll(new RecordingSink()))!;
        Assert.That(e.LineNumber, Is.EqualTo(1));
        Assert.That(e.Reason, Does.Contain("connection"));
    }

    [Test]
    public void ReadAll_CryptofeedBinanceWsLineWithoutTimestamp_ThrowsNamingFileAndLine()
    {
        string ws = WriteGzip("BINANCE_FUTURES.ws.1.0.gz", "wss://fstream.binance.com/stream?streams=btcusdt@trade <-> 1626992740.179554\n" +
            "1626992768.19185: " + Trade[(Trade.IndexOf(' ') + 1)..] + "\n" + "{\"oops\":1}\n");
        using var reader = new CryptofeedBinanceReader(ws, null, _symbols, _catalog);
        var sink = new RecordingSink();
        var e = Assert.Throws<ReplayFormatException>(() => reader.ReadAll(sink))!;
        Assert.That((e.FilePath, e.LineNumber), Is.EqualTo((ws, 3L)));
        Assert.That(sink.Trades, Has.Count.EqualTo(1));
    }

    [Test]
    public void ReadAll_BookTickerCsvShortRow_ThrowsNamingFileAndLine()
    {
        string path = WriteGzip("BTCUSDT-bookTicker-2023-10-02.csv.gz",
            "update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time\n" +
            "3319366863672,27981.30000000,12.91100000,27981.40000000,7.25800000,1696204800012,1696204800018\n" +
            "3319366863673,27981.30000000,12.91100000,27981.40000000\n");
        using var reader = new BinanceBookTickerCsvReader(path, _symbols, _catalog);
        var e = Assert.Throws<ReplayFormatException>(() => reader.ReadAll(new RecordingSink()))!;
        Assert.That((e.FilePath, e.LineNumber), Is.EqualTo((path, 3L)));
    }
}
