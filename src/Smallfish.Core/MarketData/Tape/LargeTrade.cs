using Smallfish.Core.Domain;

namespace Smallfish.Core.MarketData.Tape;

/// <summary>A taker order classified as large.</summary>
/// <param name="TsNs">Tape time of its first print, ns.</param>
/// <param name="Side">Aggressor side.</param>
/// <param name="QtyLots">Size so far (grows while further prints of the same order arrive), lots.</param>
/// <param name="PriceTicks">Price of its first print, ticks.</param>
public readonly record struct LargeTrade(long TsNs, Side Side, long QtyLots, long PriceTicks);
