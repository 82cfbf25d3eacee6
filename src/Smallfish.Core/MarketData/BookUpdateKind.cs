namespace Smallfish.Core.MarketData;

/// <summary>Whether a book message replaces the book or changes some levels of it.</summary>
public enum BookUpdateKind : byte
{
    /// <summary>Replace the whole book (Bybit snapshot, Binance REST depth snapshot).</summary>
    Snapshot = 0,

    /// <summary>Absolute quantities for some levels; 0 removes a level.</summary>
    Delta = 1,
}
