using Smallfish.Core.Domain;

namespace Smallfish.Exchanges.Models;

/// <summary>
/// An order as a venue reports it (REST answer or private stream), normalized but still in the venue's decimal
/// units. <see cref="Streams.ExecutionNormalizer"/> turns it into the core's tick/lot <see cref="OrderUpdate"/>.
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="ClientOrderId">Client order id (Bybit <c>orderLinkId</c>, Binance <c>clientOrderId</c>/<c>clientAlgoId</c>); empty when the venue sent none.</param>
/// <param name="ExchangeOrderId">Venue order id (Binance numeric ids as text; algo orders carry the <c>algoId</c>).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Normalized order type.</param>
/// <param name="TimeInForce">Normalized time in force.</param>
/// <param name="Status">Normalized status.</param>
/// <param name="Price">Limit price (0 for market orders).</param>
/// <param name="Qty">Order quantity.</param>
/// <param name="FilledQty">Cumulative filled quantity.</param>
/// <param name="AvgPrice">Average fill price (0 when nothing filled).</param>
/// <param name="TriggerPrice">Trigger price of a conditional order, else 0.</param>
/// <param name="ReduceOnly">True for reduce-only orders.</param>
/// <param name="Reject">Normalized reject or venue-side cancel reason.</param>
/// <param name="RejectText">Venue text for the reason (Bybit <c>rejectReason</c>/<c>cancelType</c>, Binance expiry or algo reason).</param>
/// <param name="VenueType">The venue's own order type string, e.g. <c>TRAILING_STOP_MARKET</c>.</param>
/// <param name="CreatedMs">Creation time, ms since the Unix epoch (0 when unknown).</param>
/// <param name="UpdatedMs">Last update time, ms since the Unix epoch.</param>
/// <param name="IsAckOnly">True when the venue only acknowledged the request (Bybit create/amend/cancel answers ids only).</param>
/// <param name="ClosePosition">True for a conditional order that closes the whole position when it triggers (Binance
/// <c>closePosition</c> / <c>cp</c>; Bybit <c>closeOnTrigger</c> + <c>reduceOnly</c> with qty 0); its <paramref name="Qty"/> is then 0 or what the venue shows.</param>
public sealed record ExchangeOrder(
    string Symbol,
    string ClientOrderId,
    string ExchangeOrderId,
    Side Side,
    OrderType Type,
    TimeInForce TimeInForce,
    OrderStatus Status,
    decimal Price,
    decimal Qty,
    decimal FilledQty,
    decimal AvgPrice,
    decimal TriggerPrice,
    bool ReduceOnly,
    RejectReason Reject,
    string? RejectText,
    string VenueType,
    long CreatedMs,
    long UpdatedMs,
    bool IsAckOnly = false,
    bool ClosePosition = false);
