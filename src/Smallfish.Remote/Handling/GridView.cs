namespace Smallfish.Remote.Handling;

/// <summary>Multigrid status for <c>/grid</c>.</summary>
public sealed record GridView
{
    /// <summary>True when the multigrid strategy is on.</summary>
    public bool Enabled { get; init; }

    /// <summary>Grid symbol.</summary>
    public string Symbol { get; init; } = "";

    /// <summary>Centre price (VWAP or mid).</summary>
    public decimal CenterPrice { get; init; }

    /// <summary>Signal bias shifting the grid, -1 (bearish) to +1 (bullish).</summary>
    public double Bias { get; init; }

    /// <summary>Profit harvested by the grid, quote currency.</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>Active levels.</summary>
    public IReadOnlyList<GridLevelView> Levels { get; init; } = [];
}
