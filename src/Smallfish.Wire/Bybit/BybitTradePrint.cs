using Smallfish.Core.MarketData;

namespace Smallfish.Wire.Bybit;

/// <summary>One trade of a <c>publicTrade</c> message: the core trade plus the fields only Bybit sends.</summary>
/// <param name="Trade">The trade (time, price, size, taker side, id).</param>
/// <param name="Direction">Tick direction against the previous trade.</param>
/// <param name="Seq">Cross sequence.</param>
/// <param name="IsBlockTrade">Block trade flag (<c>BT</c>).</param>
public readonly record struct BybitTradePrint(TradeEvent Trade, BybitTickDirection Direction, long Seq, bool IsBlockTrade = false);
