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
    OrderRole Role);
