using Smallfish.Core.Domain;

namespace Smallfish.Exchanges.Models;

/// <summary>A position row as a venue reports it, in decimal units.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Slot">One-way or a hedge side.</param>
/// <param name="Side">Long (<see cref="Side.Buy"/>) or short (<see cref="Side.Sell"/>); null when flat.</param>
/// <param name="Size">Absolute size (Binance <c>positionAmt</c> is signed; its sign moves to <see cref="Side"/>).</param>
/// <param name="EntryPrice">Average entry price (Bybit REST <c>avgPrice</c>, WS <c>entryPrice</c>).</param>
/// <param name="MarkPrice">Mark price, when reported, else 0.</param>
/// <param name="UnrealizedPnl">Unrealized P&amp;L.</param>
/// <param name="Leverage">Leverage, when reported, else 0.</param>
/// <param name="LiquidationPrice">Liquidation price; 0 when not applicable.</param>
/// <param name="TakeProfit">Attached take-profit price (Bybit), else 0.</param>
/// <param name="StopLoss">Attached stop-loss price (Bybit), else 0.</param>
/// <param name="UpdatedMs">Update time, ms since the Unix epoch.</param>
public sealed record ExchangePosition(
    string Symbol,
    PositionSlot Slot,
    Side? Side,
    decimal Size,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    decimal Leverage,
    decimal LiquidationPrice,
    decimal TakeProfit,
    decimal StopLoss,
    long UpdatedMs)
{
    /// <summary>True when no quantity is held.</summary>
    public bool IsFlat => Size == 0 || Side is null;
}
