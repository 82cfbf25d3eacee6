using Smallfish.Core.Domain;

namespace Smallfish.Core.MarketData;

/// <summary>One change of resting size at a price level, as recorded by the book (for spoofing and iceberg signals).</summary>
/// <param name="TsNs">Exchange time of the message that changed the level.</param>
/// <param name="Side">Bid (buy) or ask (sell) side.</param>
/// <param name="PriceTicks">Level price.</param>
/// <param name="PrevLots">Size before the change.</param>
/// <param name="NewLots">Size after the change (0 = level removed).</param>
/// <param name="DistanceTicks">Distance from the same side's best price before the message, in ticks (0 = at the touch, negative = improved it).</param>
public readonly record struct LevelChange(long TsNs, Side Side, long PriceTicks, long PrevLots, long NewLots, long DistanceTicks)
{
    /// <summary>Signed size change in lots (positive = added).</summary>
    public long DeltaLots => NewLots - PrevLots;
}
