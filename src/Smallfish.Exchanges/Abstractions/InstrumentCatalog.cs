using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Smallfish.Core.Instruments;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>A thread-safe <see cref="IInstrumentLookup"/> filled at start-up from the instruments endpoint or configuration.</summary>
public sealed class InstrumentCatalog : IInstrumentLookup
{
    private readonly ConcurrentDictionary<string, (InstrumentSpec Spec, int Id)> _bySymbol = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Adds or replaces a spec and returns its symbol index (stable for a symbol once assigned).</summary>
    public int Add(InstrumentSpec spec, int? symbolId = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate)
        {
            int id = symbolId ?? (_bySymbol.TryGetValue(spec.Symbol, out var existing) ? existing.Id : _bySymbol.Count);
            _bySymbol[spec.Symbol] = (spec, id);
            return id;
        }
    }

    /// <summary>Number of symbols.</summary>
    public int Count => _bySymbol.Count;

    /// <inheritdoc />
    public bool TryGet(string symbol, [NotNullWhen(true)] out InstrumentSpec? spec, out int symbolId)
    {
        if (_bySymbol.TryGetValue(symbol, out var entry))
        {
            spec = entry.Spec;
            symbolId = entry.Id;
            return true;
        }
        spec = null;
        symbolId = -1;
        return false;
    }
}
