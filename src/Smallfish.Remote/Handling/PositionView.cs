using Smallfish.Core.Domain;

namespace Smallfish.Remote.Handling;

/// <summary>An open position as shown remotely.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Long (buy) or short (sell).</param>
/// <param name="Qty">Position size, base units.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="UnrealizedPnl">Unrealized P&amp;L, quote currency.</param>
public sealed record PositionView(string Symbol, Side Side, decimal Qty, decimal EntryPrice, decimal UnrealizedPnl)
{
    /// <summary>Current mark price, when known.</summary>
    public decimal? MarkPrice { get; init; }

    /// <summary>Protective stop price, when working.</summary>
    public decimal? StopPrice { get; init; }

    /// <summary>Take-profit price, when working.</summary>
    public decimal? TakeProfitPrice { get; init; }
}
