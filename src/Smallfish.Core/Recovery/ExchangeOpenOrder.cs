using Smallfish.Core.Domain;

namespace Smallfish.Core.Recovery;

/// <summary>
/// An order the exchange reports open (REST open orders, both plain and conditional), on the instrument grid. The
/// service converts the gateway's decimal report with the instrument spec; the simulated venue reports it directly.
/// </summary>
/// <param name="ClientOrderId">Client order id (Bybit <c>orderLinkId</c>, Binance <c>clientOrderId</c>/<c>clientAlgoId</c>); empty when none.</param>
/// <param name="ExchangeOrderId">The exchange's id.</param>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Limit, market or conditional.</param>
/// <param name="TimeInForce">Time in force.</param>
/// <param name="PriceTicks">Limit price (0 for market and conditional market orders), ticks.</param>
/// <param name="TriggerTicks">Trigger price of a conditional order, else 0, ticks.</param>
/// <param name="QtyLots">Order quantity (after amends), lots.</param>
/// <param name="FilledLots">Cumulative filled quantity, lots.</param>
/// <param name="ReduceOnly">True for reduce-only orders.</param>
/// <param name="Status">Working status (New, PartiallyFilled; untriggered conditional orders are New).</param>
public sealed record ExchangeOpenOrder(
    string ClientOrderId,
    string? ExchangeOrderId,
    string Symbol,
    Side Side,
    OrderType Type,
    TimeInForce TimeInForce,
    long PriceTicks,
    long TriggerTicks,
    long QtyLots,
    long FilledLots,
    bool ReduceOnly,
    OrderStatus Status)
{
    /// <summary>
    /// True for a conditional order that closes the whole position when it triggers (Binance <c>closePosition</c>, Bybit
    /// <c>closeOnTrigger</c> with qty 0). Its <see cref="QtyLots"/> is what the venue reports (often 0); it covers the
    /// position whatever that is.
    /// </summary>
    public bool ClosePosition { get; init; }

    /// <summary>Quantity still open, lots.</summary>
    public long OpenLots => Math.Max(0, QtyLots - FilledLots);
}
