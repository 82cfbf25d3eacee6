using System.Collections.Immutable;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Grid;

/// <summary>
/// An immutable copy of one symbol's grid for <c>/grid</c>, the status endpoint and the dashboard. Prices in ticks,
/// sizes in lots, money in quote currency, times in ns since the Unix epoch.
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="AsOfNs">Time of the latest event the grid processed.</param>
/// <param name="Mode">Life-cycle state.</param>
/// <param name="Gate">The latest gate answer.</param>
/// <param name="StopReason">Why the grid is stopped (None unless <see cref="GridMode.Stopped"/>).</param>
/// <param name="CenterTicks">Center of the placed grid (0 = none yet).</param>
/// <param name="TargetCenterTicks">The latest biased center the re-centering rule compares with (NaN = none).</param>
/// <param name="RawCenterTicks">The latest unbiased center from the center source (NaN = none).</param>
/// <param name="SpacingTicks">Spacing of the placed grid.</param>
/// <param name="BiasSignal">The latest fused signal the bias came from, direction x confidence in [-1, 1] (0 without a signal or when its quality gate failed).</param>
/// <param name="BiasLevels">The latest signal bias in levels (positive shifts the grid up): BiasStrength x BiasSignal, bounded by the levels.</param>
/// <param name="LotsPerLevel">Size of each level order of the placed grid.</param>
/// <param name="Recenters">Re-centerings since start.</param>
/// <param name="InventoryLots">Net inventory (positive = long).</param>
/// <param name="MaxInventoryLots">The inventory cap of the placed grid.</param>
/// <param name="PeakInventoryLots">Largest absolute inventory seen.</param>
/// <param name="AvgEntryTicks">Average entry of the open inventory (0 when flat).</param>
/// <param name="RealizedPnl">Sum of the net P&amp;L of every round trip.</param>
/// <param name="UnrealizedPnl">Open inventory marked at the price it would exit at (bid for long, ask for short), minus its entry fees.</param>
/// <param name="Fees">Every fee paid by grid orders (negative = rebates).</param>
/// <param name="RoundTrips">Round trips closed.</param>
/// <param name="TakeProfits">Round trips closed by their take-profit.</param>
/// <param name="MaxDrawdown">Largest fall of realized + unrealized P&amp;L from its peak.</param>
/// <param name="PostOnlyRejects">Post-only orders the venue refused because they would have taken liquidity.</param>
/// <param name="Rejects">Other refused orders.</param>
/// <param name="Orders">Working grid orders, lowest price first.</param>
/// <param name="Units">Open inventory by filled level.</param>
public sealed record GridState(
    string Symbol,
    long AsOfNs,
    GridMode Mode,
    GateReason Gate,
    GridStopReason StopReason,
    long CenterTicks,
    double TargetCenterTicks,
    double RawCenterTicks,
    long SpacingTicks,
    double BiasSignal,
    double BiasLevels,
    long LotsPerLevel,
    long Recenters,
    long InventoryLots,
    long MaxInventoryLots,
    long PeakInventoryLots,
    decimal AvgEntryTicks,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal Fees,
    long RoundTrips,
    long TakeProfits,
    decimal MaxDrawdown,
    long PostOnlyRejects,
    long Rejects,
    ImmutableArray<GridLevelSnapshot> Orders,
    ImmutableArray<GridUnitSnapshot> Units)
{
    /// <summary>
    /// The fee floor of the spacing at the latest center, ticks (see <see cref="GridPlanner.FeeFloorTicks"/>; 0 before
    /// the first center): <see cref="SpacingTicks"/> is never below it, whatever <c>SpacingTicks</c> is configured to.
    /// </summary>
    public long FeeFloorTicks { get; init; }

    /// <summary>True once the grid stop has closed the grid (until reset).</summary>
    public bool Stopped => Mode == GridMode.Stopped;
}
