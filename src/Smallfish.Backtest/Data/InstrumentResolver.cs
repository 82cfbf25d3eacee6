using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
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

    /// <summary>The symbols a multi-symbol recording holds (for --auto), or the file's own symbol.</summary>
    public static IReadOnlyList<string> SymbolsIn(DataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Symbol is not null) return [file.Symbol];
        return file.Format switch
        {
            DataFormat.CryptofeedBybitRecording => CryptofeedBybitReader.ReadInstrumentSpecs(file.Path).Select(s => s.Symbol).ToList(),
            DataFormat.CryptofeedBinanceRecording => RecordedInstruments.CryptofeedBinanceAlts().Select(s => s.Symbol).ToList(),
            _ => [],
        };
    }

    private static InstrumentSpec? Find(IEnumerable<InstrumentSpec> specs, string symbol) =>
        specs.FirstOrDefault(s => string.Equals(s.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
}
