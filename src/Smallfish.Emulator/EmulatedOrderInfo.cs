using Smallfish.Core.Domain;

namespace Smallfish.Emulator;

/// <summary>A snapshot of one order as the emulated exchange holds it (for tests and the console).</summary>
/// <param name="ClientOrderId">Client order id ("" for a Bybit position TP/SL leg).</param>
/// <param name="OrderId">Numeric order id (Binance <c>orderId</c> / <c>algoId</c>).</param>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Order type.</param>
/// <param name="TimeInForce">Time in force.</param>
/// <param name="Status">Current status.</param>
/// <param name="PriceTicks">Limit price, ticks.</param>
/// <param name="QtyLots">Quantity, lots.</param>
/// <param name="TriggerTicks">Trigger price, ticks (conditional orders).</param>
/// <param name="FilledLots">Filled quantity, lots.</param>
/// <param name="Reject">Why it was refused or cancelled by the venue.</param>
public sealed record EmulatedOrderInfo(
    string ClientOrderId,
    long OrderId,
    string Symbol,
    Side Side,
    OrderType Type,
    TimeInForce TimeInForce,
    OrderStatus Status,
    long PriceTicks,
    long QtyLots,
    long TriggerTicks,
    long FilledLots,
    RejectReason Reject)
{
    /// <summary>When the venue accepted the order (server clock, Unix ms).</summary>
    public long CreatedMs { get; init; }

    /// <summary>The order's role as the client declared it (entry, stop loss, take profit...).</summary>
    public OrderRole Role { get; init; }

    /// <summary>
    /// True for an order that closes the whole position when it triggers (Binance <c>closePosition</c>, Bybit position
    /// TP/SL or qty-0 close-on-trigger); <see cref="QtyLots"/> is then the size the venue keeps it at (the position's).
    /// </summary>
    public bool ClosePosition { get; init; }
}
