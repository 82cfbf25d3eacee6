using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Recording;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;
using Smallfish.Wire.Binance;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// Raw ingest and cache replay on the real Binance USD-M recordings (hftbacktest BTCUSDT and ETHUSDT sessions):
/// <list type="bullet">
/// <item>the reference rate: Utf8JsonReader reading every token of the lines held in memory, nothing else;</item>
/// <item>the JSON parse of the same lines into core events (the Wire parser);</item>
/// <item>the whole conversion into the event cache: gunzip, line split, parse, reorder, merge, encode, write to a
/// temporary folder, per symbol, one after the other and then one symbol per core;</item>
/// <item>replay of the cache files: decode only, each symbol alone and the two merged into one stream.</item>
/// </list>
/// Every figure comes after warm-up passes; the caller prints them (<c>smallfish-backtest bench ingest</c>).
/// </summary>
public static class IngestBenchmark
{
    /// <summary>Runs the measurements over the hftbacktest folder of <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyList<Measurement> Run(string dataDirectory, int repeat, string scratchDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
        var sessions = HftBacktestSession.Discover(Path.Combine(dataDirectory, "hftbacktest-binance-usdm")).Where(s => catalog.Contains(s.Symbol)).ToList();
        if (sessions.Count == 0) throw new InvalidOperationException($"no hftbacktest sessions under {dataDirectory}");
        var results = new List<Measurement>();

        var lines = new LineStore();
        var lineSymbols = new List<int>();
        var symbols = new SymbolTable();
        foreach (var spec in catalog) symbols.GetOrAdd(spec.Symbol);
        foreach (var s in sessions)
        {
            symbols.TryGetId(s.Symbol.AsSpan(), out int id);
            int before = lines.Count;
            lines.AddHftBacktestFiles(s.Files);
            for (int i = before; i < lines.Count; i++) lineSymbols.Add(id);
        }
        results.Add(Timing.Measure("Utf8JsonReader tokens only (reference)", "lines", lines.Count, repeat, 2, () => Tokenize(lines)));
        var parser = new BinanceMarketDataParser(symbols, catalog);
        var sink = new NullSink();
        results.Add(Timing.Measure("JSON parse into events (in memory)", "lines", lines.Count, repeat, 2, () =>
        {
            for (int i = 0; i < lines.Count; i++) parser.Parse(lines.Json(i), lines.LocalNs(i), sink, lineSymbols[i]);
        }));

        results.Add(Timing.Measure("read the gzip files (gunzip, CRC-32 check, split lines)", "lines", lines.Count, repeat, 1, () =>
        {
            foreach (var s in sessions)
            {
                foreach (string file in s.Files)
                {
                    using var reader = new Replay.Io.LineReader(file);
                    while (reader.MoveNext())
                    {
                    }
                }
            }
        }));
        results.Add(Timing.Measure("read and parse the files (replay readers, no cache)", "lines", lines.Count, repeat, 1, () =>
        {
            foreach (var s in sessions)
            {
                var table = new SymbolTable();
                table.GetOrAdd(s.Symbol);
                using var reader = new HftBacktestBinanceReader(s.Files, table, new InstrumentCatalog([catalog.Get(s.Symbol)]), s.Symbol);
                reader.ReadAll(sink);
            }
        }));

        var bySymbol = sessions.GroupBy(s => s.Symbol).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        results.Add(Timing.Measure("read, parse, reorder and merge per symbol (no encoding)", "lines", lines.Count, repeat, 1, () =>
        {
            foreach (var group in bySymbol) MergeInputs(group, catalog.Get(group.Key), null);
        }));
        results.Add(Timing.Measure("read, parse, reorder, merge and encode per symbol (into Stream.Null)", "lines", lines.Count, repeat, 1, () =>
        {
            foreach (var group in bySymbol) MergeInputs(group, catalog.Get(group.Key), Stream.Null);
        }));
        var entries = new List<EventCacheEntry>();
        long fileLines = 0;
        int run = 0;
        var convert = Timing.Measure("convert files into the event cache (gunzip, parse, reorder, merge, encode, write)", "lines", 0, repeat, 1, () =>
        {
            string root = Path.Combine(scratchDirectory, "ingest-" + (run++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var cache = new EventCache(root);
            entries.Clear();
            fileLines = 0;
            foreach (var group in bySymbol)
            {
                var spec = new EventCacheSpec
                {
                    Venue = "binance",
                    Instrument = catalog.Get(group.Key),
                    Inputs = group.Select(s => new EventCacheInput("hftbacktest", s.Files)).ToList(),
                };
                var entry = cache.GetOrBuild(spec, input => Open(input, spec.Instrument));
                entries.Add(entry);
                fileLines += entry.Manifest.Lines;
            }
        });
        results.Add(convert with { Units = fileLines });
        // What `smallfish-backtest` does: one symbol per core. The wall rate is the figure here (processor time adds up
        // over both cores; allocations are counted on the calling thread only).
        results.Add(Timing.Measure("convert files into the event cache, symbols in parallel (one per core, as the run command does)", "lines", fileLines, repeat, 1, () =>
        {
            var cache = new EventCache(Path.Combine(scratchDirectory, "ingest-" + (run++).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Parallel.ForEach(bySymbol, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, group =>
            {
                var spec = new EventCacheSpec
                {
                    Venue = "binance",
                    Instrument = catalog.Get(group.Key),
                    Inputs = group.Select(s => new EventCacheInput("hftbacktest", s.Files)).ToList(),
                };
                cache.GetOrBuild(spec, input => Open(input, spec.Instrument));
            });
        }));

        var caches = entries.Select(e => File.ReadAllBytes(e.Path)).ToArray();
        long total = 0;
        for (int k = 0; k < caches.Length; k++)
        {
            byte[] bytes = caches[k];
            long events = entries[k].Manifest.Counts.Total;
            total += events;
            results.Add(Timing.Measure($"cache replay, decode only ({entries[k].Manifest.Symbol})", "events", events, Math.Max(repeat, 3), 2, () =>
            {
                using var source = RecordingEventSource.FromBytes(bytes);
                source.DrainTo(NullEventSink.Instance);
            }));
        }
        results.Add(Timing.Measure("cache replay, all symbols merged by exchange time", "events", total, Math.Max(repeat, 3), 2, () =>
        {
            var sources = new List<IOrderedEventSource>();
            for (int k = 0; k < caches.Length; k++) sources.Add(RecordingEventSource.FromBytes(caches[k], [k]));
            using var merger = new EventMerger(sources);
            merger.DrainTo(NullEventSink.Instance);
        }));
        return results;
    }

    // The conversion's work without the file: the readers through their reorder buffers, merged, optionally encoded.
    private static void MergeInputs(IEnumerable<HftBacktestSession> sessions, InstrumentSpec instrument, Stream? output)
    {
        var sources = new List<IOrderedEventSource>();
        foreach (var s in sessions) sources.Add(new ReaderEventSource(Open(new EventCacheInput("hftbacktest", s.Files), instrument)));
        using var merger = new EventMerger(sources);
        if (output is null)
        {
            merger.DrainTo(NullEventSink.Instance);
            return;
        }
        using var writer = new EventCacheWriter(output, new RecordingFileHeader("binance", 0, [new RecordedInstrument(0, instrument)]));
        merger.DrainTo(writer);
        writer.Complete();
    }

    private static IEventReader Open(EventCacheInput input, InstrumentSpec instrument)
    {
        var symbols = new SymbolTable();
        symbols.GetOrAdd(instrument.Symbol);
        return EventReaders.From(new HftBacktestBinanceReader(input.Files, symbols, new InstrumentCatalog([instrument]), instrument.Symbol), input.Files[0]);
    }

    private static void Tokenize(LineStore lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            var reader = new Utf8JsonReader(lines.Json(i));
            while (reader.Read())
            {
            }
        }
    }
}
