using Smallfish.Core.Domain;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>
/// A change of a resting limit order's price and quantity, on the tick/lot grid. Binance requires side, price and
/// quantity on every modify (binance-usdm.md 4.5), so all are carried; Bybit sends only what differs from 0.
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="ClientOrderId">The order's client id.</param>
/// <param name="Side">The order's side.</param>
/// <param name="PriceTicks">New (or unchanged) limit price in ticks.</param>
/// <param name="QtyLots">New (or unchanged) quantity in lots.</param>
/// <param name="Conditional">True when the order is conditional: <paramref name="PriceTicks"/> is then its trigger
/// (Bybit <c>triggerPrice</c>; Binance cannot modify an untriggered algo order at all).</param>
/// <param name="CurrentPriceTicks">The order's price (or trigger) before this amend, 0 when unknown: what a venue that
/// needs absolute terms (Binance) sends when <paramref name="PriceTicks"/> is 0 ("unchanged").</param>
/// <param name="CurrentQtyLots">The order's quantity before this amend, 0 when unknown: sent by Binance when
/// <paramref name="QtyLots"/> is 0 ("unchanged").</param>
public sealed record AmendOrderRequest(string Symbol, string ClientOrderId, Side Side, long PriceTicks, long QtyLots, bool Conditional = false,
    long CurrentPriceTicks = 0, long CurrentQtyLots = 0)
{
    /// <summary>The price the order has after this amend: the new one, or the current one when it does not change (0 when neither is known).</summary>
    public long EffectivePriceTicks => PriceTicks > 0 ? PriceTicks : CurrentPriceTicks;

    /// <summary>The quantity the order has after this amend: the new one, or the current one when it does not change (0 when neither is known).</summary>
    public long EffectiveQtyLots => QtyLots > 0 ? QtyLots : CurrentQtyLots;
}
