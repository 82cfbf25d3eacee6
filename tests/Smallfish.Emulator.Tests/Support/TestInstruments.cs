using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using GatewayCatalog = Smallfish.Exchanges.Abstractions.InstrumentCatalog;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>The instruments the tests trade: the emulator's list order is the symbol id everywhere.</summary>
internal static class TestInstruments
{
    public static readonly InstrumentSpec Btc = new("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m);
    public static readonly InstrumentSpec Eth = new("ETHUSDT", 0.01m, 0.01m, 0.01m, 5m);

    public static InstrumentSpec[] All => new[] { Btc, Eth };

    /// <summary>The gateway's lookup with the same ids.</summary>
    public static GatewayCatalog Gateway()
    {
        var c = new GatewayCatalog();
        for (int i = 0; i < All.Length; i++) c.Add(All[i], i);
        return c;
    }

    /// <summary>The wire parsers' symbol table and catalog with the same ids.</summary>
    public static (SymbolTable Symbols, InstrumentCatalog Catalog) Wire()
    {
        var symbols = new SymbolTable();
        foreach (var s in All) symbols.GetOrAdd(s.Symbol);
        return (symbols, new InstrumentCatalog(All));
    }
}
