using Smallfish.Core.Domain;

namespace Smallfish.Core.MarketData;

/// <summary>One public trade print, normalized.</summary>
/// <param name="SymbolId">Index of the symbol in the engine's symbol table.</param>
/// <param name="ExchTsNs">Exchange trade time, ns since the Unix epoch.</param>
/// <param name="LocalTsNs">Local receive time, ns since the Unix epoch.</param>
/// <param name="PriceTicks">Trade price in ticks.</param>
/// <param name="QtyLots">Trade size in lots.</param>
/// <param name="Aggressor">The taker's side (Bybit <c>S</c>; Binance: <c>m == true</c> means the taker sold).</param>
/// <param name="TradeId">Numeric trade id where the exchange has one (Binance), else a stable hash or 0.</param>
/// <param name="Flags">Liquidation / block-trade markers.</param>
public readonly record struct TradeEvent(
    int SymbolId,
    long ExchTsNs,
    long LocalTsNs,
    long PriceTicks,
    long QtyLots,
    Side Aggressor,
    long TradeId = 0,
    TradeFlags Flags = TradeFlags.None);

/// <summary>Markers on a trade print.</summary>
[Flags]
public enum TradeFlags : byte
{
    /// <summary>An ordinary trade.</summary>
    None = 0,

    /// <summary>A liquidation or insurance-fund fill.</summary>
    Liquidation = 1,

    /// <summary>A block trade.</summary>
    Block = 2,
}
