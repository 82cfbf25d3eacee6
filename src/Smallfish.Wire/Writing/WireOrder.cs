using Smallfish.Core.Domain;

namespace Smallfish.Wire.Writing;

/// <summary>
/// Everything an exchange order object says about one order, on the tick/lot grid: the input of the order writers
/// (Bybit <c>order</c> topic and REST order lists, Binance order objects, <c>ORDER_TRADE_UPDATE</c>, algo orders).
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="ClientOrderId">Client order id (Bybit <c>orderLinkId</c>, Binance <c>clientOrderId</c> / <c>clientAlgoId</c>).</param>
/// <param name="OrderId">Numeric venue order id (Binance <c>orderId</c> / <c>algoId</c>).</param>
/// <param name="OrderIdText">Venue order id as text (Bybit <c>orderId</c>, a UUID on the real venue).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Order type.</param>
/// <param name="TimeInForce">Time in force.</param>
/// <param name="Status">Normalized status.</param>
/// <param name="PriceTicks">Limit price in ticks (0 for market orders).</param>
/// <param name="QtyLots">Order quantity in lots (0 for a Binance close-position algo order).</param>
/// <param name="TriggerTicks">Trigger price in ticks (conditional orders), else 0.</param>
/// <param name="FilledLots">Cumulative filled quantity in lots.</param>
/// <param name="AvgPriceTicks">Average fill price in ticks (0 when nothing filled).</param>
/// <param name="CumFee">Fees charged so far, quote currency.</param>
/// <param name="ReduceOnly">True for reduce-only orders.</param>
/// <param name="ClosePosition">True for an order that closes the whole position (Bybit <c>closeOnTrigger</c>, Binance <c>closePosition</c>).</param>
/// <param name="Reject">Why the venue refused or cancelled it.</param>
/// <param name="Stop">Which position stop this order is (Bybit <c>stopOrderType</c>), or none.</param>
/// <param name="CreatedMs">Creation time, ms since the Unix epoch.</param>
/// <param name="UpdatedMs">Last change, ms since the Unix epoch.</param>
public readonly record struct WireOrder(
    string Symbol,
    string ClientOrderId,
    long OrderId,
    string OrderIdText,
    Side Side,
    OrderType Type,
    TimeInForce TimeInForce,
    OrderStatus Status,
    long PriceTicks,
    long QtyLots,
    long TriggerTicks,
    long FilledLots,
    decimal AvgPriceTicks,
    decimal CumFee,
    bool ReduceOnly,
    bool ClosePosition,
    RejectReason Reject,
    WireStopKind Stop,
    long CreatedMs,
    long UpdatedMs)
{
    /// <summary>True for trigger orders (stop-market, take-profit-market).</summary>
    public bool IsConditional => Type.IsConditional();

    /// <summary>Unfilled quantity in lots (never negative).</summary>
    public long LeavesLots => Status.IsTerminal() ? 0 : Math.Max(0, QtyLots - FilledLots);
}
