using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;
using Smallfish.Simulation.Synthetic;
using Smallfish.Simulation.Venue;

namespace Smallfish.Emulator.Feed;

/// <summary>Feed sources from the simulation library: the seeded synthetic generator and the real-data replay readers.</summary>
public static class MarketFeeds
{
    /// <summary>The labeled synthetic generator (SYNTHETIC, never market data); its symbol id must index the emulator's instruments.</summary>
    public static IMarketFeedSource Synthetic(SyntheticMarketOptions options)
    {
        var generator = new SyntheticMarketGenerator(options);
        return new DelegateFeedSource(generator.Info.Description, generator.Step);
    }

    /// <summary>
    /// Opens a recording by its format: hftbacktest Binance USD-M files (<c>&lt;symbol&gt;_&lt;yyyyMMdd&gt;.gz</c>, every
    /// consecutive-day file of the session next to it is read too) or a cryptofeed Bybit v5 capture
    /// (<c>BYBIT*.jsonl[.gz]</c>). Symbol ids follow the returned instrument list.
    /// </summary>
    /// <exception cref="NotSupportedException">The file is none of those formats.</exception>
    public static RecordedFeed OpenRecording(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException("no such recording", full);
        string name = Path.GetFileName(full);
        if (name.StartsWith("BYBIT", StringComparison.OrdinalIgnoreCase) && name.Contains(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var specs = CryptofeedBybitReader.ReadInstrumentSpecs(full);
            var (symbols, catalog) = Tables(specs);
            var reader = new CryptofeedBybitReader(full, symbols, catalog, ReplayErrorPolicy.Skip);
            return new RecordedFeed(new ReplayFeedSource(reader, "recorded Bybit v5 (cryptofeed) " + name), specs, BookSyncMode.Bybit);
        }
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && name.Contains('_', StringComparison.Ordinal))
        {
            string symbol = HftBacktestBinanceReader.SymbolFromFileName(full);
            var session = HftBacktestSession.Discover(Path.GetDirectoryName(full)!)
                .FirstOrDefault(s => s.Symbol == symbol && s.Files.Contains(full, StringComparer.Ordinal));
            var files = session is null ? new[] { full } : session.Files.SkipWhile(f => f != full).ToArray();
            var specs = RecordedInstruments.BinanceUsdm().Where(s => s.Symbol == symbol).ToList();
            if (specs.Count == 0) throw new NotSupportedException($"no instrument grid known for {symbol}");
            var (symbols, catalog) = Tables(specs);
            var reader = new HftBacktestBinanceReader(files, symbols, catalog, symbol, ReplayErrorPolicy.Skip);
            return new RecordedFeed(new ReplayFeedSource(reader, "recorded Binance USD-M (hftbacktest) " + string.Join("+", files.Select(Path.GetFileName))), specs, BookSyncMode.Binance);
        }
        throw new NotSupportedException($"'{name}' is not a recording the emulator can replay (hftbacktest <symbol>_<date>.gz, cryptofeed BYBIT*.jsonl.gz)");
    }

    private static (SymbolTable Symbols, InstrumentCatalog Catalog) Tables(IReadOnlyList<InstrumentSpec> specs)
    {
        var symbols = new SymbolTable();
        foreach (var s in specs) symbols.GetOrAdd(s.Symbol);
        return (symbols, new InstrumentCatalog(specs));
    }
}
