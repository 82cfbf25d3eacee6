using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals;

/// <summary>
/// The thirteen signals and their fusion for every symbol, indexed by symbol id (the index in the engine's symbol
/// table): per-symbol state and per-symbol effective options (<see cref="SymbolScopedOptions"/>: weights, switches and
/// thresholds may be overridden per symbol). Deterministic; allocates nothing per evaluation. One writer: call from the
/// engine's event loop only. See docs/signals.md for every formula.
/// </summary>
public sealed class SignalEngine : ISignalEvaluator
{
    private readonly SymbolSignalEngine[] _symbols;

    /// <summary>Creates the engine with the effective options of each symbol (element i = symbol id i).</summary>
    public SignalEngine(IReadOnlyList<SymbolScopedOptions> symbols, AdaptiveWeightsOptions adaptive)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(adaptive);
        if (symbols.Count == 0) throw new ArgumentException("at least one symbol is needed", nameof(symbols));
        _symbols = new SymbolSignalEngine[symbols.Count];
        for (int i = 0; i < symbols.Count; i++) _symbols[i] = new SymbolSignalEngine(symbols[i].Signals, symbols[i].Fusion, adaptive);
    }

    /// <summary>Creates the engine with the same options for symbol ids 0 .. <paramref name="symbolCount"/> - 1.</summary>
    public SignalEngine(SignalsOptions signals, FusionOptions fusion, AdaptiveWeightsOptions adaptive, int symbolCount = 1)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(fusion);
        ArgumentNullException.ThrowIfNull(adaptive);
        ArgumentOutOfRangeException.ThrowIfLessThan(symbolCount, 1);
        _symbols = new SymbolSignalEngine[symbolCount];
        for (int i = 0; i < symbolCount; i++) _symbols[i] = new SymbolSignalEngine(signals, fusion, adaptive);
    }

    /// <summary>The engine for <paramref name="symbols"/> (symbol id = index) with each symbol's effective options from <paramref name="options"/>.</summary>
    public static SignalEngine FromOptions(SmallfishOptions options, IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(symbols);
        var scoped = new SymbolScopedOptions[symbols.Count];
        for (int i = 0; i < scoped.Length; i++) scoped[i] = options.ForSymbol(symbols[i]);
        return new SignalEngine(scoped, options.AdaptiveWeights);
    }

    /// <summary>Number of symbols.</summary>
    public int SymbolCount => _symbols.Length;

    /// <summary>The signals of symbol <paramref name="symbolId"/> (state, weights, adaptive statistics).</summary>
    public SymbolSignalEngine Symbol(int symbolId) => _symbols[symbolId];

    /// <inheritdoc />
    public void Evaluate(int symbolId, in MarketFeatures features, long nowNs, FusionResult result) =>
        _symbols[symbolId].Evaluate(features, nowNs, result);
}
