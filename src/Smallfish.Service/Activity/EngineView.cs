using Smallfish.Core.Grid;

namespace Smallfish.Service.Activity;

/// <summary>What <see cref="EngineStatusTap"/> copied from the engine at its latest published snapshot.</summary>
/// <param name="AsOfNs">Time of the snapshot, ns.</param>
/// <param name="Markets">Per-symbol books and fusion (empty when the engine cannot describe them).</param>
/// <param name="Grids">Grid states (empty when the multigrid is off or not wired).</param>
/// <param name="EventsPerSecond">Events processed per second between the last two snapshots.</param>
public sealed record EngineView(long AsOfNs, IReadOnlyList<SymbolMarketView> Markets, IReadOnlyList<GridState> Grids, double EventsPerSecond)
{
    /// <summary>Nothing published yet.</summary>
    public static EngineView Empty { get; } = new(0, [], [], 0);

    /// <summary>The view of <paramref name="symbol"/>, or null.</summary>
    public SymbolMarketView? Market(string symbol)
    {
        foreach (SymbolMarketView m in Markets)
        {
            if (m.Symbol == symbol) return m;
        }

        return null;
    }

    /// <summary>The grid of <paramref name="symbol"/>, or null.</summary>
    public GridState? Grid(string symbol)
    {
        foreach (GridState g in Grids)
        {
            if (g.Symbol == symbol) return g;
        }

        return null;
    }
}
