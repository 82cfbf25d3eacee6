namespace Smallfish.Exchanges.Models;

/// <summary>Which position of a symbol a row describes: the single one-way position or one side in hedge mode.</summary>
public enum PositionSlot : byte
{
    /// <summary>One-way mode (Bybit <c>positionIdx 0</c>, Binance <c>positionSide BOTH</c>).</summary>
    OneWay,

    /// <summary>Hedge mode long side (Bybit 1, Binance LONG).</summary>
    HedgeLong,

    /// <summary>Hedge mode short side (Bybit 2, Binance SHORT).</summary>
    HedgeShort,
}
