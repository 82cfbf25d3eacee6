using System.IO.Compression;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Fuzz.Tests.Harness;
using Smallfish.Simulation.Backtesting.Archives;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Fuzz.Tests.Replay;

/// <summary>
/// The replay readers and the backtest archive readers, fed hostile files made from the real recordings (mutated,
/// dropped and swapped lines, cut and corrupt gzip). Contract: every problem is a <see cref="ReplayFormatException"/>
/// (archive readers: <see cref="ArchiveDataException"/>) naming the file and line; no other exception, no out-of-range
/// event, and no line may make a reader allocate without bound.
/// </summary>
public sealed class ReplayReaderFuzzTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "smallfish-fuzz-replay-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static (SymbolTable, InstrumentCatalog) Binance()
    {
        var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm().Concat(RecordedInstruments.CryptofeedBinanceAlts()));
        var symbols = new SymbolTable();
        foreach (var s in catalog) symbols.GetOrAdd(s.Symbol);
        return (symbols, catalog);
    }

    private FuzzReport Fuzz(string name, string fileName, byte[] seedText, Func<string, IReplayReader> open, int ci = 150)
    {
        string path = Path.Combine(_dir, fileName);
        var sink = new CheckingMarketSink();
        return FuzzRunner.Run(new FuzzTarget
        {
            Name = name,
            Corpus = [seedText],
            CiIterations = ci,
            Generate = FileMutations.Generate,
            AllocationBase = 8L << 20,
            Allowed = e => e is ReplayFormatException f && f.FilePath == path && f.LineNumber >= 1,
            Parse = input =>
            {
                File.WriteAllBytes(path, input);
                using var reader = open(path);
                while (reader.ReadNext(sink))
                {
                }
            },
        });
    }

    [Test]
    public void HftBacktestReader_HostileFiles_FormatErrorsNamingFileAndLineOnly()
    {
        var (symbols, catalog) = Binance();
        var report = Fuzz("replay-hftbacktest", "btcusdt_20240718.gz", FileMutations.Head("hftbacktest-binance-usdm/btcusdt_20240718.gz", 400),
            p => new HftBacktestBinanceReader([p], symbols, catalog, "BTCUSDT"));
        Assert.That(report.RejectedTotal, Is.GreaterThan(0).And.LessThan(report.Inputs), "some files rejected, some read");
    }

    [Test]
    public void CryptofeedBinanceReader_HostileFiles_FormatErrorsNamingFileAndLineOnly()
    {
        var (symbols, catalog) = Binance();
        var report = Fuzz("replay-cryptofeed-binance", "BINANCE_FUTURES.ws.1.0", FileMutations.Head("cryptofeed-binance-usdm/BINANCE_FUTURES.ws.1.0.gz", 400),
            p => new CryptofeedBinanceReader(p, null, symbols, catalog));
        Assert.That(report.RejectedTotal, Is.GreaterThan(0).And.LessThan(report.Inputs));
    }

    [Test]
    public void CryptofeedBybitReader_HostileFiles_FormatErrorsNamingFileAndLineOnly()
    {
        var specs = CryptofeedBybitReader.ReadInstrumentSpecs(SharedFolder.Data("cryptofeed-bybit-v5/BYBIT.jsonl.gz"));
        var catalog = new InstrumentCatalog(specs);
        var symbols = new SymbolTable();
        foreach (var s in specs) symbols.GetOrAdd(s.Symbol);
        var report = Fuzz("replay-cryptofeed-bybit", "BYBIT.jsonl", FileMutations.Head("cryptofeed-bybit-v5/BYBIT.jsonl.gz", 300),
            p => new CryptofeedBybitReader(p, symbols, catalog, emitTickerBbo: true), ci: 100);
        Assert.That(report.RejectedTotal, Is.GreaterThan(0).And.LessThan(report.Inputs));
    }

    [Test]
    public void BinanceBookTickerCsvReader_HostileFiles_FormatErrorsNamingFileAndLineOnly()
    {
        var (symbols, catalog) = Binance();
        var report = Fuzz("replay-bookticker-csv", "BTCUSDT-bookTicker-2023-10-02.csv",
            FileMutations.Head("binance-vision-bookticker/BTCUSDT-bookTicker-2023-10-02-short.csv.gz", 400),
            p => new BinanceBookTickerCsvReader(p, symbols, catalog, "BTCUSDT"));
        Assert.That(report.RejectedTotal, Is.GreaterThan(0).And.LessThan(report.Inputs));
    }

    [Test]
    public void BookTickerArchiveReader_HostileFiles_ArchiveErrorsNamingFileAndLineOnly()
    {
        string path = Path.Combine(_dir, "BTCUSDT-bookTicker-2023-10-02.csv");
        var instrument = new ArchiveInstrument(0, new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 100m));
        var sink = new CheckingMarketSink();
        var report = FuzzRunner.Run(new FuzzTarget
        {
            Name = "archive-bookticker",
            Corpus = [FileMutations.Head("binance-vision-bookticker/BTCUSDT-bookTicker-2023-10-02-short.csv.gz", 400)],
            CiIterations = 150,
            Generate = FileMutations.Generate,
            AllocationBase = 8L << 20,
            Allowed = e => e is ArchiveDataException a && a.FilePath == path,
            Parse = input =>
            {
                File.WriteAllBytes(path, input);
                using var reader = new BinanceBookTickerArchiveReader(path, instrument);
                while (reader.ReadNext(sink))
                {
                }
            },
        });
        Assert.That(report.RejectedTotal, Is.GreaterThan(0).And.LessThan(report.Inputs));
    }

    [Test]
    public void LineReaders_GzipBombOfOneEndlessLine_FormatErrorWithoutUnboundedAllocation()
    {
        // 64 MiB of digits and no newline compress to ~64 KiB: a reader that grows its line buffer without bound would
        // allocate 128 MiB and more here (and gigabytes for a bigger bomb).
        string path = Path.Combine(_dir, "btcusdt_20240718.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)'7');
            for (int i = 0; i < 64; i++) gz.Write(chunk);
        }
        var (symbols, catalog) = Binance();
        var instrument = new ArchiveInstrument(0, new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 100m));

        long before = GC.GetAllocatedBytesForCurrentThread();
        using (var reader = new HftBacktestBinanceReader([path], symbols, catalog, "BTCUSDT"))
        {
            var e = Assert.Throws<ReplayFormatException>(() => reader.ReadNext(new CheckingMarketSink()))!;
            Assert.That((e.FilePath, e.LineNumber), Is.EqualTo((path, 1L)));
            Assert.That(e.Reason, Does.Contain("line longer than"));
        }
        long replay = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        using (var archive = new BinanceBookTickerArchiveReader(path, instrument))
        {
            var e = Assert.Throws<ArchiveDataException>(() => archive.ReadNext(new CheckingMarketSink()))!;
            Assert.That(e.FilePath, Is.EqualTo(path));
        }
        long archiveBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(replay, Is.LessThan(40L << 20), "replay reader: the line buffer stops at the limit");
        Assert.That(archiveBytes, Is.LessThan(40L << 20), "archive reader: the line buffer stops at the limit");
    }
}
