using Smallfish.Core.Domain;

namespace Smallfish.Exchanges.Models;

/// <summary>One execution as a venue reports it, in decimal units. Converted to the core <see cref="Fill"/> by <see cref="Streams.ExecutionNormalizer"/>.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="ExecId">Venue execution id (Bybit <c>execId</c>; Binance trade id <c>t</c> as text).</param>
/// <param name="ExchangeOrderId">Venue order id.</param>
/// <param name="ClientOrderId">Client order id; empty when the venue omitted it (Bybit fast executions of maker fills).</param>
/// <param name="Side">Side of the order that filled.</param>
/// <param name="Price">Fill price.</param>
/// <param name="Qty">Fill quantity.</param>
/// <param name="Fee">Fee charged (negative = rebate); 0 when <see cref="FeeKnown"/> is false.</param>
/// <param name="FeeAsset">Fee currency, when given.</param>
/// <param name="FeeKnown">False for low-latency fill messages that carry no fee (Bybit <c>execution.fast</c>, Binance <c>TRADE_LITE</c>).</param>
/// <param name="IsMaker">True when the order provided liquidity.</param>
/// <param name="TimeMs">Fill time, ms since the Unix epoch.</param>
/// <param name="ExecType">Venue execution type (<c>Trade</c>, <c>Funding</c>, <c>TRADE</c>...).</param>
/// <param name="RealizedPnl">Realized P&amp;L of the fill where the venue reports it, else 0.</param>
public sealed record ExchangeFill(
    string Symbol,
    string ExecId,
    string ExchangeOrderId,
    string ClientOrderId,
    Side Side,
    decimal Price,
    decimal Qty,
    decimal Fee,
    string? FeeAsset,
    bool FeeKnown,
    bool IsMaker,
    long TimeMs,
    string ExecType,
    decimal RealizedPnl = 0m)
{
    /// <summary>True for executions that are trades of an order (not funding, settlement or delivery rows).</summary>
    public bool IsTrade => ExecType is "Trade" or "TRADE" or "AdlTrade" or "BustTrade" or "BlockTrade";
}
