using Smallfish.Core.Domain;

namespace Smallfish.Emulator.Venue;

/// <summary>A public trade as the emulated exchange numbers it (ids shared by both protocols).</summary>
/// <param name="TradeId">Trade id (Binance <c>t</c>, aggTrade <c>a</c>/<c>f</c>/<c>l</c>; Bybit <c>i</c> as text).</param>
/// <param name="TimeMs">Trade time, ms.</param>
/// <param name="PriceTicks">Price.</param>
/// <param name="QtyLots">Size.</param>
/// <param name="Taker">Taker side.</param>
internal readonly record struct PublicTradeRecord(long TradeId, long TimeMs, long PriceTicks, long QtyLots, Side Taker);
