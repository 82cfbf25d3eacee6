using Smallfish.Core.Configuration;

namespace Smallfish.Core.MarketData.Features;

/// <summary>
/// The features of every symbol the engine trades, indexed by symbol id (the index in the engine's symbol table that
/// books and trades carry). Routes each book event and trade to its symbol's <see cref="SymbolFeatureEngine"/>.
/// One writer: call from the engine's event loop only. Allocates nothing per event.
/// </summary>
public sealed class FeatureEngine
{
    private readonly SymbolFeatureEngine[] _symbols;

    /// <summary>Creates engines for symbol ids 0 .. <paramref name="symbolCount"/> - 1.</summary>
    public FeatureEngine(MicrostructureOptions options, int symbolCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(symbolCount, 1);
        _symbols = new SymbolFeatureEngine[symbolCount];
        for (int i = 0; i < symbolCount; i++) _symbols[i] = new SymbolFeatureEngine(options, i);
    }

    /// <summary>Number of symbols.</summary>
    public int SymbolCount => _symbols.Length;

    /// <summary>The engine of symbol <paramref name="symbolId"/>.</summary>
    public SymbolFeatureEngine Symbol(int symbolId) => _symbols[symbolId];

    /// <summary>The current features of symbol <paramref name="symbolId"/>.</summary>
    public ref readonly MarketFeatures Get(int symbolId) => ref _symbols[symbolId].Features;

    /// <summary>Applies a book event of <paramref name="book"/>'s symbol (after the synchronizer applied it).</summary>
    public void OnBook(OrderBook book, long nowNs) => _symbols[book.SymbolId].OnBook(book, nowNs);

    /// <summary>Applies a trade of <paramref name="trade"/>'s symbol.</summary>
    public void OnTrade(in TradeEvent trade, long nowNs) => _symbols[trade.SymbolId].OnTrade(trade, nowNs);

    /// <summary>Moves every symbol's time to <paramref name="nowNs"/> (timer tick without market events).</summary>
    public void Advance(long nowNs)
    {
        for (int i = 0; i < _symbols.Length; i++) _symbols[i].Advance(nowNs);
    }
}
