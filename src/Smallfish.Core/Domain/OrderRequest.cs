namespace Smallfish.Core.Domain;

/// <summary>
/// A command to place an order, as the engine decides it: already on the tick and lot grid. Gateways translate it
/// into an exchange request; the simulated venue matches it.
/// </summary>
/// <param name="ClientOrderId">Deterministic id (see <see cref="Domain.ClientOrderId"/>).</param>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Limit, market or conditional.</param>
/// <param name="TimeInForce">Post-only, GTC, IOC or FOK.</param>
/// <param name="PriceTicks">Limit price in ticks (0 for market and conditional market orders).</param>
/// <param name="QtyLots">Quantity in lots.</param>
/// <param name="TriggerPriceTicks">Trigger price in ticks for conditional orders, else 0.</param>
/// <param name="ReduceOnly">True for orders that may only reduce a position.</param>
/// <param name="Role">Why the order exists.</param>
/// <param name="ClosePosition">
/// A conditional order that closes whatever position exists when it triggers (Binance algo <c>closePosition=true</c>,
/// Bybit <c>qty="0"</c> + <c>reduceOnly</c> + <c>closeOnTrigger</c>): the venue sizes it, so it covers a position that
/// grows or shrinks after it was placed without an amend. <paramref name="QtyLots"/> then holds the position's size when
/// it was sent, for the engine's bookkeeping and the journal only; it never goes on the wire.
/// </param>
public sealed record OrderRequest(
    string ClientOrderId,
    string Symbol,
    Side Side,
    OrderType Type,
    TimeInForce TimeInForce,
    long PriceTicks,
    long QtyLots,
    long TriggerPriceTicks,
    bool ReduceOnly,
    OrderRole Role,
    bool ClosePosition = false);
