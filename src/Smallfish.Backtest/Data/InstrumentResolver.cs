using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Backtest.Data;

/// <summary>
/// The price/quantity grid a symbol's data is read with. A recording's own grid wins (the Bybit recording carries the
/// instruments-info responses; the hftbacktest and cryptofeed Binance grids are in <see cref="RecordedInstruments"/>),
/// because every recorded price must be exact in ticks; otherwise <c>Smallfish:Instruments:{symbol}</c> from the
/// configuration. A symbol with neither is an error naming the key to add.
/// </summary>
public static class InstrumentResolver
{
    /// <summary>The grid of <paramref name="symbol"/> for <paramref name="files"/>.</summary>
    public static InstrumentSpec Resolve(string symbol, IReadOnlyList<DataFile> files, SmallfishOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var file in files)
        {
            var spec = file.Format switch
            {
                DataFormat.CryptofeedBybitRecording => Find(CryptofeedBybitReader.ReadInstrumentSpecs(file.Path), symbol),
                DataFormat.HftBacktestRecording => Find(RecordedInstruments.BinanceUsdm(), symbol),
                DataFormat.CryptofeedBinanceRecording => Find(RecordedInstruments.CryptofeedBinanceAlts(), symbol),
                _ => null,
            };
            if (spec is not null) return spec;
        }
        if (options.Instruments.TryGetValue(symbol, out var configured)) return configured.ToSpec(symbol);
        throw new DataAcquisitionException(DataErrorKind.BadRequest,
            $"no instrument grid for {symbol}: add Smallfish:Instruments:{symbol} (TickSize, QtyStep, MinQty, MinNotional) to appsettings.json");
    }

    /// <summary>
    /// The symbols a file holds trades of (for --auto): its own symbol, or for a multi-symbol recording the symbols with
    /// at least one trade in it (the recording is read once; the Bybit recording's instruments-info lists every
    /// instrument of the exchange, not what was recorded).
    /// </summary>
    public static IReadOnlyList<string> SymbolsIn(DataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Symbol is not null) return [file.Symbol];
        var specs = file.Format switch
        {
            DataFormat.CryptofeedBybitRecording => CryptofeedBybitReader.ReadInstrumentSpecs(file.Path),
            DataFormat.CryptofeedBinanceRecording => RecordedInstruments.CryptofeedBinanceAlts().ToList(),
            _ => [],
        };
        if (specs.Count == 0) return [];
        var symbols = new SymbolTable();
        foreach (var spec in specs) symbols.GetOrAdd(spec.Symbol);
        var catalog = new InstrumentCatalog(specs);
        var counter = new TradeCounter(symbols.Count);
        IReplayReader reader = file.Format == DataFormat.CryptofeedBybitRecording
            ? new CryptofeedBybitReader(file.Path, symbols, catalog)
            : new CryptofeedBinanceReader(file.Path, null, symbols, catalog);
        using (reader) reader.ReadAll(counter);
        var traded = new List<string>();
        for (int i = 0; i < symbols.Count; i++)
        {
            if (counter.Trades[i] > 0) traded.Add(symbols.NameOf(i));
        }
        traded.Sort(StringComparer.Ordinal);
        return traded;
    }

    private sealed class TradeCounter(int symbols) : IMarketEventSink
    {
        public long[] Trades { get; } = new long[symbols];

        public void OnBook(BookUpdate update)
        {
        }

        public void OnTrade(in TradeEvent trade) => Trades[trade.SymbolId]++;

        public void OnBbo(in BboEvent bbo)
        {
        }

        public void OnTicker(in TickerEvent ticker)
        {
        }
    }

    private static InstrumentSpec? Find(IEnumerable<InstrumentSpec> specs, string symbol) =>
        specs.FirstOrDefault(s => string.Equals(s.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
}
