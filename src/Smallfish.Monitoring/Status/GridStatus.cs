namespace Smallfish.Monitoring.Status;

/// <summary>The multigrid's state for one symbol (what Telegram's <c>/grid</c> shows).</summary>
public sealed record GridStatus
{
    /// <summary>Center price the levels are placed around.</summary>
    public decimal CenterPrice { get; init; }

    /// <summary>Bias from the fused signal, -1..1 (positive shifts the grid up).</summary>
    public double Bias { get; init; }

    /// <summary>Net inventory the grid holds, base units (positive long, negative short).</summary>
    public decimal InventoryQty { get; init; }

    /// <summary>Realized grid P&amp;L, quote currency.</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>Levels, lowest price first.</summary>
    public IReadOnlyList<GridLevelInfo> Levels { get; init; } = [];
}
