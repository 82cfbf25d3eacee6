using Smallfish.Core.Domain;

namespace Smallfish.Core.Grid;

/// <summary>Open grid inventory from one filled level, in a <see cref="GridState"/>.</summary>
/// <param name="Side">Side of the fill (buy = long).</param>
/// <param name="LevelTicks">The level's price: not re-armed until this inventory is closed.</param>
/// <param name="EntryTicks">Average entry price, ticks.</param>
/// <param name="OpenLots">Open quantity, lots.</param>
/// <param name="TakeProfitTicks">Nominal take-profit price, ticks (one level away).</param>
/// <param name="TakeProfitWorkingLots">Lots of its take-profit orders working.</param>
/// <param name="EntryFees">Entry fees of the open lots, quote currency (they join the round trip's fees when it closes).</param>
public sealed record GridUnitSnapshot(Side Side, long LevelTicks, decimal EntryTicks, long OpenLots, long TakeProfitTicks, long TakeProfitWorkingLots, decimal EntryFees);
