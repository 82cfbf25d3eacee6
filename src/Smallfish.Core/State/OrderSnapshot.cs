using Smallfish.Core.Domain;

namespace Smallfish.Core.State;

/// <summary>An immutable copy of a working order (prices in ticks, sizes in lots).</summary>
public sealed record OrderSnapshot(
    string ClientOrderId,
    string? ExchangeOrderId,
    string Symbol,
    Side Side,
    OrderType Type,
    OrderRole Role,
    long PriceTicks,
    long QtyLots,
    long FilledLots,
    OrderStatus Status,
    long CreatedNs,
    long UpdatedNs)
{
    /// <summary>Copies <paramref name="o"/>.</summary>
    public static OrderSnapshot From(Order o) => new(
        o.ClientOrderId, o.ExchangeOrderId, o.Request.Symbol, o.Request.Side, o.Request.Type, o.Request.Role,
        o.Request.PriceTicks, o.Request.QtyLots, o.FilledLots, o.Status, o.CreatedNs, o.UpdatedNs);
}
