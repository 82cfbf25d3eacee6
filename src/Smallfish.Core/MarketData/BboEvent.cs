namespace Smallfish.Core.MarketData;

/// <summary>Best bid and offer from a top-of-book stream (Binance bookTicker, Bybit orderbook.1).</summary>
/// <param name="SymbolId">Index of the symbol in the engine's symbol table.</param>
/// <param name="ExchTsNs">Exchange time, ns since the Unix epoch.</param>
/// <param name="LocalTsNs">Local receive time, ns since the Unix epoch.</param>
/// <param name="UpdateId">Book update id the quote corresponds to (comparable with depth <c>u</c>).</param>
/// <param name="BidTicks">Best bid price in ticks.</param>
/// <param name="BidLots">Best bid size in lots.</param>
/// <param name="AskTicks">Best ask price in ticks.</param>
/// <param name="AskLots">Best ask size in lots.</param>
public readonly record struct BboEvent(
    int SymbolId,
    long ExchTsNs,
    long LocalTsNs,
    long UpdateId,
    long BidTicks,
    long BidLots,
    long AskTicks,
    long AskLots);
