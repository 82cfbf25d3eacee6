using Smallfish.Core.Domain;
using Smallfish.Core.Recovery;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Recovery;

/// <summary>
/// Converts what the REST client reports at a restart (open orders, positions, tickers) into the tick/lot data of a
/// <see cref="ReconciliationInput"/>, on the instrument grid. Executions convert with
/// <see cref="Streams.ExecutionNormalizer.TryToFill"/>. Fails for symbols the lookup does not know.
/// </summary>
public static class ReconciliationNormalizer
{
    /// <summary>An open order (plain or conditional) as the engine reconciles it.</summary>
    public static bool TryToOpenOrder(ExchangeOrder order, IInstrumentLookup instruments, out ExchangeOpenOrder result)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(instruments);
        if (!instruments.TryGet(order.Symbol, out var spec, out _))
        {
            result = null!;
            return false;
        }
        result = new ExchangeOpenOrder(
            order.ClientOrderId,
            order.ExchangeOrderId,
            order.Symbol,
            order.Side,
            order.Type,
            order.TimeInForce,
            spec.Price.ToSteps(order.Price, MidpointRounding.ToEven),
            spec.Price.ToSteps(order.TriggerPrice, MidpointRounding.ToEven),
            spec.Qty.ToSteps(order.Qty, MidpointRounding.ToEven),
            spec.Qty.ToSteps(order.FilledQty, MidpointRounding.ToEven),
            order.ReduceOnly || order.ClosePosition,
            order.Status)
        {
            ClosePosition = order.ClosePosition,
        };
        return true;
    }

    /// <summary>A non-flat one-way position; false when it is flat or the symbol is unknown.</summary>
    public static bool TryToNetPosition(ExchangePosition position, IInstrumentLookup instruments, out ExchangeNetPosition result)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(instruments);
        result = null!;
        if (position.IsFlat || !instruments.TryGet(position.Symbol, out var spec, out _)) return false;
        long lots = spec.Qty.ToSteps(position.Size, MidpointRounding.ToEven);
        if (lots <= 0) return false;
        result = new ExchangeNetPosition(position.Symbol, position.Side!.Value, lots, position.EntryPrice / spec.TickSize);
        return true;
    }

    /// <summary>The ticker's last price (its mark price when no last price is given), ticks; false when neither is known.</summary>
    public static bool TryToLastPriceTicks(ExchangeTicker ticker, IInstrumentLookup instruments, out long priceTicks)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        ArgumentNullException.ThrowIfNull(instruments);
        priceTicks = 0;
        decimal price = ticker.LastPrice > 0 ? ticker.LastPrice : ticker.MarkPrice;
        if (price <= 0 || !instruments.TryGet(ticker.Symbol, out var spec, out _)) return false;
        priceTicks = spec.Price.ToSteps(price, MidpointRounding.ToEven);
        return true;
    }
}
