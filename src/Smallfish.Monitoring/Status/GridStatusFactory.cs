using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;

namespace Smallfish.Monitoring.Status;

/// <summary>Turns the core's <see cref="GridState"/> (ticks and lots) into the status document's <see cref="GridStatus"/> (prices and quantities).</summary>
public static class GridStatusFactory
{
    /// <summary>
    /// The status of one symbol's grid: each working level order as <see cref="GridLevelState.Working"/> (its unfilled
    /// quantity), and each filled level still holding inventory at its level price, as
    /// <see cref="GridLevelState.TakeProfitWorking"/> while its take-profit rests or <see cref="GridLevelState.Filled"/>
    /// before it does. Lowest price first.
    /// </summary>
    public static GridStatus From(GridState state, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(spec);
        var levels = new List<GridLevelInfo>(state.Orders.Length + state.Units.Length);
        foreach (var o in state.Orders)
        {
            if (o.Kind != GridOrderKind.Level) continue;
            levels.Add(new GridLevelInfo(o.Index, spec.Price.ToDecimal(o.PriceTicks), o.Side, spec.Qty.ToDecimal(o.Lots - o.FilledLots), GridLevelState.Working));
        }
        foreach (var u in state.Units)
        {
            var levelState = u.TakeProfitWorkingLots > 0 ? GridLevelState.TakeProfitWorking : GridLevelState.Filled;
            levels.Add(new GridLevelInfo(IndexOf(state, u.LevelTicks), spec.Price.ToDecimal(u.LevelTicks), u.Side, spec.Qty.ToDecimal(u.OpenLots), levelState));
        }
        levels.Sort(static (a, b) => a.Price != b.Price ? a.Price.CompareTo(b.Price) : a.State.CompareTo(b.State));
        return new GridStatus
        {
            CenterPrice = spec.Price.ToDecimal(state.CenterTicks),
            Bias = state.BiasSignal,
            InventoryQty = spec.Qty.ToDecimal(state.InventoryLots),
            RealizedPnl = state.RealizedPnl,
            Levels = levels,
        };
    }

    private static int IndexOf(GridState state, long priceTicks) =>
        state.CenterTicks <= 0 || state.SpacingTicks <= 0 ? 0
            : (int)Math.Round((double)(priceTicks - state.CenterTicks) / state.SpacingTicks, MidpointRounding.AwayFromZero);
}
