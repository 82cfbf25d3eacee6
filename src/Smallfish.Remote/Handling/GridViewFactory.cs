using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;

namespace Smallfish.Remote.Handling;

/// <summary>Turns the core's <see cref="GridState"/> (ticks and lots) into the <c>/grid</c> view (prices and quantities).</summary>
public static class GridViewFactory
{
    /// <summary>The view of a grid that is off.</summary>
    public static GridView Off { get; } = new() { Enabled = false };

    /// <summary>
    /// The <c>/grid</c> view of one symbol's grid: working level orders (unfilled quantity) and filled levels still holding
    /// inventory (marked filled), lowest price first.
    /// </summary>
    public static GridView From(GridState state, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(spec);
        var levels = new List<GridLevelView>(state.Orders.Length + state.Units.Length);
        foreach (var o in state.Orders)
        {
            if (o.Kind == GridOrderKind.Level) levels.Add(new GridLevelView(o.Side, spec.Price.ToDecimal(o.PriceTicks), spec.Qty.ToDecimal(o.Lots - o.FilledLots), false));
        }
        foreach (var u in state.Units) levels.Add(new GridLevelView(u.Side, spec.Price.ToDecimal(u.LevelTicks), spec.Qty.ToDecimal(u.OpenLots), true));
        levels.Sort(static (a, b) => a.Price != b.Price ? a.Price.CompareTo(b.Price) : a.Filled.CompareTo(b.Filled));
        return new GridView
        {
            Enabled = true,
            Symbol = state.Symbol,
            CenterPrice = spec.Price.ToDecimal(state.CenterTicks),
            Bias = state.BiasSignal,
            RealizedPnl = state.RealizedPnl,
            Levels = levels,
        };
    }
}
