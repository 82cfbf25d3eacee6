using Smallfish.Core.Domain;

namespace Smallfish.Exchanges.Models;

/// <summary>A public trade from a REST history endpoint.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="TradeId">Venue trade id (Bybit <c>execId</c>, Binance aggregate id <c>a</c>).</param>
/// <param name="Price">Trade price.</param>
/// <param name="Qty">Trade size.</param>
/// <param name="TakerSide">Aggressor side (Bybit <c>side</c>; Binance <c>m == true</c> means the taker sold).</param>
/// <param name="TimeMs">Trade time, ms since the Unix epoch.</param>
public sealed record ExchangeTrade(string Symbol, string TradeId, decimal Price, decimal Qty, Side TakerSide, long TimeMs);
