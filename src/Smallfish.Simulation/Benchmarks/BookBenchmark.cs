using System.Diagnostics;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;
using Smallfish.Wire.Binance;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// The order-book benchmark: the real Binance depth messages of the hftbacktest recordings (and the Bybit recording's
/// linear books) are parsed into memory first, then applied to fresh books through their synchronizers, pass after
/// pass, timed with a stopwatch and with the allocations of the benchmark thread counted
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>) after warm-up passes. The raw JSON parse of the Binance lines
/// is timed the same way. Figures are printed by <c>smallfish-backtest bench book</c>; tests run the same code with a
/// tiny repeat count to assert that steady state allocates nothing.
/// </summary>
public static class BookBenchmark
{
    // At least two warm-up passes (the Binance synchronizer's pooled pre-snapshot buffers are handed out in alternating
    // order on successive resyncs, so each reaches its final capacity only after the second), then more until a whole
    // pass allocates nothing, so the runtime's background tier-up is done before timing (bounded).
    private const int MinWarmupPasses = 2;
    private const int MaxWarmupPasses = 10;

    /// <summary>Loads the data, then times book application and parsing as <paramref name="options"/> say.</summary>
    public static BookBenchmarkResult Run(BookBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Repeat < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Repeat, "repeat must be at least 1");
        var books = new List<BookApplyFigures>();
        var parses = new List<ParseFigures>();

        var binance = LoadBinance(options);
        books.Add(TimeApply("binance-usdm hftbacktest depth", binance.Streams, options.Repeat));
        if (options.Parse) parses.Add(TimeParse(binance, options.Repeat));
        if (options.Bybit) books.Add(TimeApply("bybit-v5 cryptofeed orderbook.200 linear", LoadBybit(options.DataDirectory), options.Repeat));
        return new BookBenchmarkResult(books, parses);
    }

    private static BinanceData LoadBinance(BookBenchmarkOptions options)
    {
        var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
        var symbols = new SymbolTable();
        foreach (var spec in catalog) symbols.GetOrAdd(spec.Symbol);

        var sessions = HftBacktestSession.Discover(Path.Combine(options.DataDirectory, "hftbacktest-binance-usdm"))
            .Where(s => catalog.Contains(s.Symbol) && (options.Symbols is null || options.Symbols.Contains(s.Symbol, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        if (options.FirstSessionOnly) sessions = sessions.GroupBy(s => s.Symbol).Select(g => g.First()).ToList();
        if (sessions.Count == 0) throw new InvalidOperationException($"no hftbacktest sessions found under {options.DataDirectory}");

        var data = new BinanceData(new BinanceMarketDataParser(symbols, catalog));
        foreach (var session in sessions)
        {
            symbols.TryGetId(session.Symbol.AsSpan(), out int id);
            int first = data.Lines.Count;
            data.Lines.AddHftBacktestFiles(session.Files);
            var capture = new BookUpdateCapture();
            for (int i = first; i < data.Lines.Count; i++)
            {
                data.LineSymbols.Add(id);
                data.Parser.Parse(data.Lines.Json(i), data.Lines.LocalNs(i), capture, id);
            }
            var book = new OrderBook(catalog.Get(session.Symbol), id);
            data.Streams.Add(new BookStream(new BinanceBookSynchronizer(book), new PackedBookMessages(capture.Updates)));
        }
        return data;
    }

    private static List<BookStream> LoadBybit(string dataDirectory)
    {
        string file = Path.Combine(dataDirectory, "cryptofeed-bybit-v5", "BYBIT.jsonl.gz");
        var catalog = new InstrumentCatalog(CryptofeedBybitReader.ReadInstrumentSpecs(file));
        var symbols = new SymbolTable();
        foreach (var spec in catalog) symbols.GetOrAdd(spec.Symbol);
        var capture = new BookUpdateCapture();
        using (var reader = new CryptofeedBybitReader(file, symbols, catalog)) reader.ReadAll(capture);

        var streams = new List<BookStream>();
        foreach (var group in capture.Updates.GroupBy(u => u.SymbolId))
        {
            var book = new OrderBook(catalog.Get(symbols.NameOf(group.Key)), group.Key);
            streams.Add(new BookStream(new BybitBookSynchronizer(book), new PackedBookMessages(group.ToList())));
        }
        return streams;
    }

    private static BookApplyFigures TimeApply(string name, List<BookStream> streams, int repeat)
    {
        long deltas = 0, levels = 0, snapshots = 0;
        foreach (var s in streams)
        {
            for (int i = 0; i < s.Messages.Count; i++)
            {
                if (s.Messages.KindAt(i) == BookUpdateKind.Snapshot) snapshots++;
                else
                {
                    deltas++;
                    levels += s.Messages.LevelsAt(i);
                }
            }
        }
        WarmUp(() => ApplyPass(streams));

        long failures = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp(); // static: a Stopwatch instance would be counted as an allocation
        for (int r = 0; r < repeat; r++) failures += ApplyPass(streams);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return new BookApplyFigures(name, streams.Count, deltas, levels, snapshots, repeat, seconds, cpu, allocated, failures);
    }

    private static void WarmUp(Action pass)
    {
        for (int i = 0; i < MaxWarmupPasses; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            if (i + 1 >= MinWarmupPasses && GC.GetAllocatedBytesForCurrentThread() == before) return;
        }
    }

    // One pass: every stream from a reset book through all its messages, each copied into the one reusable message
    // buffer first, as the parser fills it live. Returns the number of sync failures.
    private static long ApplyPass(List<BookStream> streams)
    {
        long failures = 0;
        for (int s = 0; s < streams.Count; s++)
        {
            var stream = streams[s];
            var sync = stream.Sync;
            var messages = stream.Messages;
            var buffer = stream.Buffer;
            sync.Reset(BookInvalidReason.Disconnected);
            for (int i = 0; i < messages.Count; i++)
            {
                messages.Fill(i, buffer);
                var result = sync.Apply(buffer);
                if (result is BookSyncResult.Gap or BookSyncResult.Crossed or BookSyncResult.StaleSnapshot) failures++;
            }
        }
        return failures;
    }

    private static ParseFigures TimeParse(BinanceData data, int repeat)
    {
        var sink = new NullSink();
        WarmUp(() => ParsePass(data, sink));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int r = 0; r < repeat; r++) ParsePass(data, sink);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return new ParseFigures("binance-usdm hftbacktest lines (depth, trade, bookTicker, REST snapshot)", data.Lines.Count, data.Lines.Bytes,
            repeat, seconds, cpu, allocated);
    }

    private static void ParsePass(BinanceData data, NullSink sink)
    {
        var lines = data.Lines;
        var parser = data.Parser;
        for (int i = 0; i < lines.Count; i++) parser.Parse(lines.Json(i), lines.LocalNs(i), sink, data.LineSymbols[i]);
    }

    private sealed record BookStream(IBookSynchronizer Sync, PackedBookMessages Messages)
    {
        public BookUpdate Buffer { get; } = new();
    }

    private sealed class BinanceData(BinanceMarketDataParser parser)
    {
        public BinanceMarketDataParser Parser { get; } = parser;
        public LineStore Lines { get; } = new();
        public List<int> LineSymbols { get; } = new();
        public List<BookStream> Streams { get; } = new();
    }
}
