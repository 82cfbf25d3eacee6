using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;

namespace Smallfish.Core.Engine;

/// <summary>
/// The one composition of the trading core, shared by the service and the backtest: symbol table, instrument specs,
/// per-symbol books and synchronizers, features, signals, gates, sizing, routing, brackets, kill switch and shadow
/// trades, all wired to the given clock, order sink and journal.
/// </summary>
public static class EngineBuilder
{
    /// <summary>Builds the engine described by <paramref name="setup"/>.</summary>
    public static TradingEngine Build(EngineSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(setup.Options);
        IReadOnlyList<string> symbols = setup.Symbols ?? setup.Options.Symbols;
        if (symbols.Count == 0) throw new ArgumentException("the engine needs at least one symbol", nameof(setup));
        if (setup.State is null && setup.StartingEquity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(setup), setup.StartingEquity, "StartingEquity must be positive");
        }
        if (setup.Run < 0) throw new ArgumentOutOfRangeException(nameof(setup), setup.Run, "Run must be non-negative");
        InstrumentSpec[] specs = ResolveInstruments(setup.Options, symbols, setup.Instruments);
        return new TradingEngine(setup, symbols, specs);
    }

    /// <summary>
    /// The instrument specs of the symbol table, in symbol-id order (what a simulated venue is built with): from
    /// <paramref name="catalog"/> when it has the symbol, else from <see cref="SmallfishOptions.Instruments"/>. Throws
    /// when a symbol has neither.
    /// </summary>
    public static InstrumentSpec[] ResolveInstruments(
        SmallfishOptions options, IReadOnlyList<string>? symbols = null, InstrumentCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        symbols ??= options.Symbols;
        var specs = new InstrumentSpec[symbols.Count];
        for (int i = 0; i < specs.Length; i++)
        {
            string symbol = symbols[i];
            if (catalog is not null && catalog.TryGet(symbol, out var spec)) specs[i] = spec;
            else if (options.Instruments.TryGetValue(symbol, out InstrumentOptions? io)) specs[i] = io.ToSpec(symbol);
            else throw new InvalidOperationException($"no instrument spec for {symbol}: add Smallfish:Instruments:{symbol} or pass it in the catalog");
        }
        return specs;
    }
}
