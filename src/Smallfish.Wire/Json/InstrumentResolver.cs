using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;

namespace Smallfish.Wire.Json;

/// <summary>
/// Resolves a symbol name on the wire to its id in the run's <see cref="SymbolTable"/> and its grid in the
/// <see cref="InstrumentCatalog"/>; the spec is looked up once per id and cached, so resolving allocates nothing after
/// the first message of each symbol.
/// </summary>
internal sealed class InstrumentResolver
{
    private readonly SymbolTable _symbols;
    private readonly InstrumentCatalog _catalog;
    private InstrumentSpec?[] _specs = new InstrumentSpec?[16];

    public InstrumentResolver(SymbolTable symbols, InstrumentCatalog catalog)
    {
        _symbols = symbols ?? throw new ArgumentNullException(nameof(symbols));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    /// <summary>Resolves <paramref name="name"/>; false when the symbol is not registered or has no spec.</summary>
    public bool TryResolve(ReadOnlySpan<byte> name, out int id, out InstrumentSpec? spec)
    {
        spec = null;
        if (!_symbols.TryGetId(name, out id)) return false;
        spec = SpecOf(id);
        return spec is not null;
    }

    /// <summary>The spec of a registered id, or null when the catalog has none.</summary>
    public InstrumentSpec? SpecOf(int id)
    {
        if ((uint)id >= (uint)_symbols.Count) return null;
        if (id >= _specs.Length) Array.Resize(ref _specs, Math.Max(id + 1, _specs.Length * 2));
        var spec = _specs[id];
        if (spec is null && _catalog.TryGet(_symbols.NameOf(id), out spec)) _specs[id] = spec;
        return spec;
    }
}
