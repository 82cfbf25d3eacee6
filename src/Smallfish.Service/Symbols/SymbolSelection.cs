using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Scanning;

namespace Smallfish.Service.Symbols;

/// <summary>
/// The symbols this run trades and their grids, decided once at start (<see cref="StartupSymbolResolver"/>). The
/// engine's symbol table is fixed for the run: a later re-scan is reported, and applied at the next restart.
/// </summary>
/// <param name="Symbols">The symbol table, in id order.</param>
/// <param name="Instruments">The grid of every symbol in <paramref name="Symbols"/>, in the same order.</param>
/// <param name="GridSource">Where the grids came from.</param>
/// <param name="AutoCount">The <c>AutoSymbols:Count</c> asked for (0 = the configured list).</param>
/// <param name="Ranking">The scanner's top N at start, best first (empty when the list is configured or the scan failed).</param>
/// <param name="Kept">Symbols added because the journal or the exchange shows an open position or working orders on them.</param>
/// <param name="Warnings">What went wrong but did not stop the start (logged after the banner).</param>
/// <param name="ScannedAtNs">When the start-up scan ran, ns since the Unix epoch (0 = no scan).</param>
public sealed record SymbolSelection(
    IReadOnlyList<string> Symbols,
    IReadOnlyList<InstrumentSpec> Instruments,
    InstrumentGridSource GridSource,
    int AutoCount,
    IReadOnlyList<SymbolRank> Ranking,
    IReadOnlyList<string> Kept,
    IReadOnlyList<string> Warnings,
    long ScannedAtNs)
{
    /// <summary>True when the symbols were picked by the scanner.</summary>
    public bool IsAuto => AutoCount > 0 && Ranking.Count > 0;

    /// <summary>
    /// The configured <c>Symbols</c> (upper case, first occurrence) with their <c>Instruments</c> fallback grids, without
    /// asking an exchange. Symbols without a fallback grid stay in the table without a grid.
    /// </summary>
    public static SymbolSelection FromConfiguration(SmallfishOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var symbols = new List<string>();
        var instruments = new List<InstrumentSpec>();
        foreach (string configured in options.Symbols)
        {
            string symbol = configured.ToUpperInvariant();
            if (symbols.Contains(symbol, StringComparer.Ordinal)) continue;
            symbols.Add(symbol);
            if (options.Instruments.TryGetValue(symbol, out InstrumentOptions? grid)) instruments.Add(grid.ToSpec(symbol));
        }

        return new SymbolSelection(symbols, instruments, InstrumentGridSource.Configuration, 0, [], [], [], 0);
    }
}
