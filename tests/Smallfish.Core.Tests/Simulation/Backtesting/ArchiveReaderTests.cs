using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Backtesting.Archives;

namespace Smallfish.Core.Tests.Simulation.Backtesting;

public class ArchiveReaderTests
{
    private static readonly ArchiveInstrument Btc = new(3, new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m));

    private ArchiveTestFiles _files = null!;

    [SetUp]
    public void SetUp() => _files = new ArchiveTestFiles();

    [TearDown]
    public void TearDown() => _files.Dispose();

    [Test]
    public void BybitTrades_UnsortedRowsWithHeader_SortedStablyWithExactNanoseconds()
    {
        string path = _files.Gzip("BTCUSDT2026-07-24.csv.gz",
            "timestamp,symbol,side,size,price,tickDirection,trdMatchID,grossValue,homeNotional,foreignNotional,RPI\n" +
            "1784851200.0547,BTCUSDT,Buy,0.038,65065.80,ZeroPlusTick,d6b9a5ac-3439-5cea-b590-fd245e5b3992,2.4725004e+11,0.038,2472.5004,0\n" +
            "1784851199.9,BTCUSDT,Sell,1.000,65065.70,MinusTick,aaaa,6.50657e+12,1,65065.7,0\n" +
            "1784851200.0547,BTCUSDT,Sell,0.002,65065.90,PlusTick,bbbb,1.3e+10,0.002,130.1318,1\n");
        var sink = new EventRecorder();
        using var reader = new BybitTradeArchiveReader(path, Btc);
        while (reader.ReadNext(sink))
        {
        }
        Assert.Multiple(() =>
        {
            Assert.That(sink.Trades.Select(t => t.ExchTsNs), Is.EqualTo(new[] { 1784851199_900000000L, 1784851200_054700000L, 1784851200_054700000L }));
            Assert.That(sink.Trades.Select(t => t.PriceTicks), Is.EqualTo(new[] { 650657L, 650658L, 650659L }), "equal times keep file order");
            Assert.That(sink.Trades.Select(t => t.QtyLots), Is.EqualTo(new[] { 1000L, 38L, 2L }));
            Assert.That(sink.Trades.Select(t => t.Aggressor), Is.EqualTo(new[] { Side.Sell, Side.Buy, Side.Sell }));
            Assert.That(sink.Trades.All(t => t.SymbolId == 3 && t.LocalTsNs == t.ExchTsNs && t.TradeId != 0));
            Assert.That(reader.Counters.Events, Is.EqualTo(3));
            Assert.That(reader.Counters.FirstTsNs, Is.EqualTo(1784851199_900000000L));
        });
    }

    [Test]
    public void BybitTrades_HeaderlessOldFile_ReadInDocumentedOrder()
    {
        var fxs = new ArchiveInstrument(0, new InstrumentSpec("FXSUSDT", 0.01m, 0.01m, 0.01m, 0m));
        string path = _files.Gzip("FXSUSDT2022-04-04.csv.gz", "1649054912,FXSUSDT,Buy,0.01,38.32,PlusTick,9c30abaf-80ae-5ebf-9850-58fe7ed4bac8,3.832e+07,0.01,0.3832\n");
        var sink = new EventRecorder();
        using var reader = new BybitTradeArchiveReader(path, fxs);
        Assert.That(reader.ReadNext(sink), Is.True);
        Assert.That(reader.ReadNext(sink), Is.False);
        Assert.That(sink.Trades[0], Is.EqualTo(new TradeEvent(0, 1649054912_000000000L, 1649054912_000000000L, 3832, 1, Side.Buy, sink.Trades[0].TradeId)));
    }

    [Test]
    public void BybitTrades_RowForAnotherSymbol_ErrorNamesFileAndLine()
    {
        string path = _files.Plain("BTCUSDT2024-01-15.csv", "timestamp,symbol,side,size,price,tickDirection,trdMatchID\n1,BTCUSDT,Buy,1,1.0,x,a\n2,ETHUSDT,Buy,1,1.0,x,b\n");
        using var reader = new BybitTradeArchiveReader(path, Btc);
        var e = Assert.Throws<ArchiveDataException>(() => reader.ReadNext(new EventRecorder()));
        Assert.That(e!.Message, Does.StartWith(path + ":3:").And.Contain("ETHUSDT"));
    }

    [Test]
    public void BinanceAggTrades_ZipWithHeader_OneTradePerRowBuyerMakerMeansTakerSold()
    {
        string path = _files.Zip("BTCUSDT-aggTrades-2024-01-15.zip", "BTCUSDT-aggTrades-2024-01-15.csv",
            "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n" +
            "26129,42000.1,0.005,27781,27782,1705276800123,true\n" +
            "26130,42000.2,1.250,27783,27783,1705276800124,false\n");
        var sink = new EventRecorder();
        using var reader = new BinanceAggTradesArchiveReader(path, Btc);
        Assert.That(reader.ReadAll(sink), Is.EqualTo(2));
        Assert.That(sink.Trades, Is.EqualTo(new[]
        {
            new TradeEvent(3, 1705276800123_000000L, 1705276800123_000000L, 420001, 5, Side.Sell, 26129),
            new TradeEvent(3, 1705276800124_000000L, 1705276800124_000000L, 420002, 1250, Side.Buy, 26130),
        }));
    }

    [Test]
    public void BinanceTrades_PlainWithoutHeader_Read()
    {
        string path = _files.Plain("BTCUSDT-trades-2024-01-15.csv", "5182005737,63943.9,0.003,191.8317,1721347022956,true\n");
        var sink = new EventRecorder();
        using var reader = new BinanceTradesArchiveReader(path, Btc);
        reader.ReadAll(sink);
        Assert.That(sink.Trades.Single(), Is.EqualTo(new TradeEvent(3, 1721347022956_000000L, 1721347022956_000000L, 639439, 3, Side.Sell, 5182005737)));
    }

    [Test]
    public void BinanceTrades_PriceOffGrid_ErrorNamesLine()
    {
        string path = _files.Plain("BTCUSDT-trades-2024-01-15.csv", "id,price,qty,quote_qty,time,is_buyer_maker\n1,63943.95,0.003,1,1,true\n");
        using var reader = new BinanceTradesArchiveReader(path, Btc);
        var e = Assert.Throws<ArchiveDataException>(() => reader.ReadAll(new EventRecorder()));
        Assert.That(e!.LineNumber, Is.EqualTo(2));
        Assert.That(e.Reason, Does.Contain("tick grid"));
    }

    [Test]
    public void BookTicker_RealSharedFile_EveryRowBecomesABbo()
    {
        string path = Path.Combine(RepoPaths.RealData, "binance-vision-bookticker", "BTCUSDT-bookTicker-2023-10-02-short.csv.gz");
        var sink = new EventRecorder();
        using var reader = new BinanceBookTickerArchiveReader(path, Btc);
        reader.ReadAll(sink);
        Assert.Multiple(() =>
        {
            Assert.That(sink.Bbos, Has.Count.EqualTo(9_999));
            Assert.That(sink.Bbos[0], Is.EqualTo(new BboEvent(3, 1696204800018_000000L, 1696204800018_000000L, 3319366863672, 279813, 12911, 279814, 7258)));
            Assert.That(sink.Bbos.All(b => b.BidTicks < b.AskTicks), "a real BBO is never crossed");
            Assert.That(reader.Counters.IgnoredLines, Is.EqualTo(1));
        });
    }

    [Test]
    public void OpenContent_TruncatedGzip_ErrorNamesTheFile()
    {
        string text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i},42000.1,0.005,1,1,1705276800123,true\n"));
        byte[] gz = ArchiveTestFiles.GzipBytes(text);
        string path = Path.Combine(_files.Root, "BTCUSDT-aggTrades-2024-01-15.csv.gz");
        File.WriteAllBytes(path, gz[..(gz.Length * 2 / 3)]);
        var e = Assert.Throws<ArchiveDataException>(() => ArchiveFile.Verify(path));
        Assert.That(e!.FilePath, Is.EqualTo(path));
        Assert.That(e.Message, Does.Contain("gzip"));
    }

    [Test]
    public void OpenContent_TruncatedZip_ErrorNamesTheFile()
    {
        byte[] zip = ArchiveTestFiles.ZipBytes("x.csv", new string('1', 10_000));
        string path = Path.Combine(_files.Root, "BTCUSDT-aggTrades-2024-01-15.zip");
        File.WriteAllBytes(path, zip[..(zip.Length - 30)]);
        var e = Assert.Throws<ArchiveDataException>(() => ArchiveFile.Verify(path));
        Assert.That(e!.Message, Does.StartWith(path).And.Contain("zip"));
    }

    [Test]
    public void OpenContent_FlippedByteInZipMember_CrcMismatchReported()
    {
        byte[] zip = ArchiveTestFiles.ZipBytes("x.csv", string.Concat(Enumerable.Repeat("abcdefgh\n", 2000)));
        // a stored (incompressible) member would be easier, but deflate data corrupted in the middle is caught either by
        // the decoder or by the CRC check: both must surface as an ArchiveDataException
        zip[60] ^= 0x55;
        string path = Path.Combine(_files.Root, "corrupt.zip");
        File.WriteAllBytes(path, zip);
        Assert.Throws<ArchiveDataException>(() => ArchiveFile.Verify(path));
    }

    [Test]
    public void OpenContent_GoodFiles_VerifyReturnsContentLength()
    {
        Assert.That(ArchiveFile.Verify(_files.Gzip("a.gz", "hello\n")), Is.EqualTo(6));
        Assert.That(ArchiveFile.Verify(_files.Zip("b.zip", "b", "hello\n")), Is.EqualTo(6));
        Assert.That(ArchiveFile.Verify(_files.Plain("c.csv", "hello\n")), Is.EqualTo(6));
    }

    [Test]
    public void OpenContent_LargeRandomContent_CrcMatchesTheContainers()
    {
        // odd length, well past the 8-byte fast path: a wrong CRC would fail against .NET's own gzip trailer and zip directory
        var rng = new Random(9);
        var text = new string(Enumerable.Range(0, 100_003).Select(_ => (char)rng.Next(32, 127)).ToArray());
        Assert.That(ArchiveFile.Verify(_files.Gzip("big.gz", text)), Is.EqualTo(100_003));
        Assert.That(ArchiveFile.Verify(_files.Zip("big.zip", "big", text)), Is.EqualTo(100_003));
    }

    [Test]
    public void OrderBookArchive_LinesGoThroughTheSeam_WithCountsAndLineErrors()
    {
        string path = _files.Zip("2025-08-21_BTCUSDT_ob200.data.zip", "2025-08-21_BTCUSDT_ob200.data",
            "{\"type\":\"snapshot\",\"ts\":1}\n\n{\"type\":\"delta\",\"ts\":2}\nBAD\n");
        var parser = new StubBookParser();
        var sink = new EventRecorder();
        using var reader = new BybitOrderBookArchiveReader(path, parser);
        Assert.That(reader.ReadNext(sink) && reader.ReadNext(sink) && reader.ReadNext(sink), Is.True);
        Assert.That(sink.Books.Select(b => b.Kind), Is.EqualTo(new[] { BookUpdateKind.Snapshot, BookUpdateKind.Delta }));
        Assert.That(reader.Counters.Events, Is.EqualTo(2));
        Assert.That(reader.Counters.IgnoredLines, Is.EqualTo(1));
        var e = Assert.Throws<ArchiveDataException>(() => reader.ReadNext(sink));
        Assert.That(e!.LineNumber, Is.EqualTo(4));
    }

    [TestCase("1784851200.0547", 1784851200_054700000L)]
    [TestCase("1649054912", 1649054912_000000000L)]
    [TestCase("1.1234567891", 1_123456789L)]
    public void ParseSeconds_DecimalText_ExactNanoseconds(string text, long expected)
    {
        Assert.That(ArchiveTextProbe.SecondsToNs(text), Is.EqualTo(expected));
    }

    private sealed class StubBookParser : IBybitOrderBookLineParser
    {
        private readonly BookUpdate _update = new();

        public string? Parse(ReadOnlySpan<byte> line, IMarketEventSink sink)
        {
            var text = System.Text.Encoding.UTF8.GetString(line);
            if (!text.StartsWith('{')) return "not JSON";
            _update.Reset();
            _update.Kind = text.Contains("snapshot", StringComparison.Ordinal) ? BookUpdateKind.Snapshot : BookUpdateKind.Delta;
            _update.ExchTsNs = text.Contains("\"ts\":1", StringComparison.Ordinal) ? 1_000_000 : 2_000_000;
            sink.OnBook(_update);
            return null;
        }
    }
}
