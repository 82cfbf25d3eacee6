namespace Smallfish.Monitoring.Status;

/// <summary>Everything the service shows about one symbol.</summary>
public sealed record SymbolStatus
{
    /// <summary>Exchange symbol, e.g. <c>BTCUSDT</c>.</summary>
    public string Symbol { get; init; } = "";

    /// <summary>Volatility regime.</summary>
    public VolatilityRegime Regime { get; init; }

    /// <summary>Order book health and top of book.</summary>
    public BookStatus Book { get; init; } = new();

    /// <summary>The latest fused decision and its signal scores.</summary>
    public FusionStatus Fusion { get; init; } = new();

    /// <summary>The open position, or null when flat.</summary>
    public PositionStatus? Position { get; init; }

    /// <summary>Orders working at the venue.</summary>
    public IReadOnlyList<WorkingOrderInfo> WorkingOrders { get; init; } = [];

    /// <summary>Recent mid prices, oldest first (the dashboard's price line).</summary>
    public IReadOnlyList<PricePoint> RecentMids { get; init; } = [];

    /// <summary>Recent entries and exits, oldest first (the dashboard's markers).</summary>
    public IReadOnlyList<PriceMarker> Markers { get; init; } = [];

    /// <summary>The multigrid's state for this symbol, or null when the grid is off.</summary>
    public GridStatus? Grid { get; init; }
}
