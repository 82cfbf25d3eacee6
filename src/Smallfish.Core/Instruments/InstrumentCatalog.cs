using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Smallfish.Core.Instruments;

/// <summary>
/// The instruments a run knows about: symbol (case-insensitive) to <see cref="InstrumentSpec"/>. Parsers, replay
/// readers and the engine take it to turn decimal prices and sizes into ticks and lots. Filled once at start (from
/// configuration, an exchange's instruments endpoint or a recording's own instrument data); not modified while a feed runs.
/// </summary>
public sealed class InstrumentCatalog : IReadOnlyCollection<InstrumentSpec>
{
    private readonly Dictionary<string, InstrumentSpec> _specs = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<InstrumentSpec> _ordered = new();

    /// <summary>Creates an empty catalog.</summary>
    public InstrumentCatalog()
    {
    }

    /// <summary>Creates a catalog holding <paramref name="specs"/>; a symbol given twice is an error.</summary>
    public InstrumentCatalog(IEnumerable<InstrumentSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        foreach (var spec in specs) Add(spec);
    }

    /// <summary>Number of instruments.</summary>
    public int Count => _ordered.Count;

    /// <summary>Adds a spec; throws when the symbol is already present (use <see cref="Set"/> to replace).</summary>
    public void Add(InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!_specs.TryAdd(spec.Symbol, spec)) throw new ArgumentException($"instrument '{spec.Symbol}' is already in the catalog", nameof(spec));
        _ordered.Add(spec);
    }

    /// <summary>Adds a spec or replaces the one with the same symbol.</summary>
    public void Set(InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_specs.TryGetValue(spec.Symbol, out var old)) _ordered[_ordered.IndexOf(old)] = spec;
        else _ordered.Add(spec);
        _specs[spec.Symbol] = spec;
    }

    /// <summary>True when the catalog has <paramref name="symbol"/>.</summary>
    public bool Contains(string symbol) => _specs.ContainsKey(symbol);

    /// <summary>Looks a symbol up.</summary>
    public bool TryGet(string symbol, [MaybeNullWhen(false)] out InstrumentSpec spec) => _specs.TryGetValue(symbol, out spec);

    /// <summary>The spec of <paramref name="symbol"/>.</summary>
    /// <exception cref="KeyNotFoundException">The symbol is not in the catalog.</exception>
    public InstrumentSpec Get(string symbol) =>
        _specs.TryGetValue(symbol, out var spec) ? spec : throw new KeyNotFoundException($"instrument '{symbol}' is not in the catalog");

    /// <inheritdoc />
    public IEnumerator<InstrumentSpec> GetEnumerator() => _ordered.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
