using Smallfish.Core.Instruments;

namespace Smallfish.Core.Grid;

/// <summary>
/// Everything <see cref="GridPlanner.PlanLevels"/> needs to choose the level orders. Prices in ticks, sizes in lots;
/// a take-profit price of 0 means "no take-profit on that side". The market is not an input: whether a wanted level can
/// rest now (a post-only order must not take) is decided when it is placed, so that a working order whose level the
/// market has reached is not cancelled for it.
/// </summary>
/// <param name="CenterTicks">The placed (biased, re-centered) grid center.</param>
/// <param name="SpacingTicks">Distance between levels, &gt;= 1.</param>
/// <param name="Levels">Levels on each side.</param>
/// <param name="LotsPerLevel">Size of each level order (see <see cref="GridPlanner.LotsPerLevel"/>).</param>
/// <param name="InventoryLots">Net inventory, signed (positive = long).</param>
/// <param name="MaxInventoryLots">Largest net inventory the grid may reach in either direction if every order fills.</param>
/// <param name="ReservedBuyLots">Unfilled lots of working buy orders that are not part of the plan (take-profits of a short, levels being cancelled).</param>
/// <param name="ReservedSellLots">Unfilled lots of working sell orders that are not part of the plan.</param>
/// <param name="BuyTakeProfitLowTicks">Lowest working buy take-profit price (0 = none).</param>
/// <param name="BuyTakeProfitHighTicks">Highest working buy take-profit price (0 = none).</param>
/// <param name="SellTakeProfitLowTicks">Lowest working sell take-profit price (0 = none).</param>
/// <param name="SellTakeProfitHighTicks">Highest working sell take-profit price (0 = none).</param>
/// <param name="WorkingLevelFilledBuyLots">Lots already filled by buy level orders that are still working: part of the
/// inventory, and counted again at full size when the plan keeps those orders, so they are taken off the long worst case.</param>
/// <param name="WorkingLevelFilledSellLots">The same for sell level orders (taken off the short worst case).</param>
/// <param name="Spec">The instrument (minimum quantity and notional).</param>
public readonly record struct GridPlanRequest(
    long CenterTicks,
    long SpacingTicks,
    int Levels,
    long LotsPerLevel,
    long InventoryLots,
    long MaxInventoryLots,
    long ReservedBuyLots,
    long ReservedSellLots,
    long BuyTakeProfitLowTicks,
    long BuyTakeProfitHighTicks,
    long SellTakeProfitLowTicks,
    long SellTakeProfitHighTicks,
    long WorkingLevelFilledBuyLots,
    long WorkingLevelFilledSellLots,
    InstrumentSpec Spec);
