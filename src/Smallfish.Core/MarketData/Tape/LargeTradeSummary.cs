namespace Smallfish.Core.MarketData.Tape;

/// <summary>Large taker orders inside a window, by aggressor side.</summary>
/// <param name="BuyCount">Large buy orders.</param>
/// <param name="SellCount">Large sell orders.</param>
/// <param name="BuyLots">Volume of the large buy orders, lots.</param>
/// <param name="SellLots">Volume of the large sell orders, lots.</param>
public readonly record struct LargeTradeSummary(long BuyCount, long SellCount, long BuyLots, long SellLots);
