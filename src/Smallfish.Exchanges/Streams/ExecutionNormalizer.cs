using Smallfish.Core.Domain;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Streams;

/// <summary>
/// Converts venue-unit orders and fills into the core's tick/lot <see cref="OrderUpdate"/> and <see cref="Fill"/>,
/// using the instrument grid. Prices and quantities on the grid convert exactly; average prices keep their fraction
/// (in ticks, as a decimal). Fails for symbols the lookup does not know.
/// </summary>
public static class ExecutionNormalizer
{
    /// <summary>Converts an order report into an engine order update.</summary>
    public static bool TryToOrderUpdate(ExchangeOrder order, IInstrumentLookup instruments, out OrderUpdate update)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(instruments);
        if (!instruments.TryGet(order.Symbol, out var spec, out _))
        {
            update = default;
            return false;
        }
        update = new OrderUpdate(
            order.ClientOrderId,
            order.ExchangeOrderId,
            order.Symbol,
            order.Status,
            spec.Qty.ToSteps(order.FilledQty, MidpointRounding.ToEven),
            order.AvgPrice == 0 ? 0m : order.AvgPrice / spec.TickSize,
            order.Reject,
            order.RejectText,
            order.UpdatedMs * TimeProviderExtensions.NsPerMs);
        return true;
    }

    /// <summary>
    /// Converts a fill report into an engine fill. <paramref name="clientOrderId"/> overrides the report's own id
    /// (Bybit fast executions of maker fills carry an empty <c>orderLinkId</c>; the caller resolves it by order id).
    /// </summary>
    public static bool TryToFill(ExchangeFill fill, IInstrumentLookup instruments, string clientOrderId, out Fill result)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(instruments);
        if (!instruments.TryGet(fill.Symbol, out var spec, out _))
        {
            result = default;
            return false;
        }
        result = new Fill(
            fill.ExecId,
            clientOrderId,
            fill.Symbol,
            fill.Side,
            spec.Price.ToSteps(fill.Price, MidpointRounding.ToEven),
            spec.Qty.ToSteps(fill.Qty, MidpointRounding.ToEven),
            fill.Fee,
            fill.IsMaker,
            fill.TimeMs * TimeProviderExtensions.NsPerMs);
        return true;
    }
}
