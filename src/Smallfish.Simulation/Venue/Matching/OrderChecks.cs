using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Venue.Matching;

/// <summary>The exchange's acceptance rules and trigger rules, as pure functions of an order and the venue state.</summary>
internal static class OrderChecks
{
    /// <summary>
    /// Checks a new order: well-formed terms, exchange minimums (min qty always; min notional unless reduce-only,
    /// binance-usdm.md §4.1 MIN_NOTIONAL), reduce-only against the position (conditional orders are checked when they
    /// trigger), the optional margin check, and that a conditional order would not trigger at once (Binance -2021,
    /// binance-usdm.md §4.4; Bybit refuses the same). Returns <see cref="RejectReason.None"/> when the order may
    /// proceed.
    /// </summary>
    public static RejectReason Validate(VenueOrder order, VenueState state, out string message)
    {
        var symbol = order.Symbol;
        var spec = symbol.Spec;
        var request = order.Request;
        message = "";
        if (!TermsAreValid(request, out message)) return RejectReason.InvalidPriceOrQty;

        decimal refPrice = order.Type switch
        {
            OrderType.Limit => spec.Price.ToDecimal(order.PriceTicks),
            OrderType.Market => symbol.ReferencePrice(order.Side),
            _ => spec.Price.ToDecimal(order.TriggerTicks),
        };
        if (!MeetsMinimums(order, order.QtyLots, refPrice, out message)) return RejectReason.InvalidPriceOrQty;

        if (order.ReduceOnly && !order.IsConditional && symbol.Position.ReducibleBy(order.Side) == 0)
        {
            message = "reduce-only order would not reduce the position";
            return RejectReason.ReduceOnlyViolated;
        }

        if (!HasMargin(order, refPrice, state))
        {
            message = "insufficient margin";
            return RejectReason.InsufficientMargin;
        }

        if (order.IsConditional && symbol.LastTradeTicks > 0 && Triggers(order.Type, order.Side, order.TriggerTicks, symbol.LastTradeTicks))
        {
            message = "order would immediately trigger";
            return RejectReason.Other;
        }
        return RejectReason.None;
    }

    /// <summary>Min qty and (unless reduce-only) min notional for <paramref name="lots"/> at <paramref name="refPrice"/>.</summary>
    public static bool MeetsMinimums(VenueOrder order, long lots, decimal refPrice, out string message)
    {
        var spec = order.Symbol.Spec;
        if (lots < Math.Max(1, spec.MinLots))
        {
            message = "quantity below the minimum";
            return false;
        }
        if (!order.ReduceOnly && refPrice > 0 && spec.Qty.ToDecimal(lots) * refPrice < spec.MinNotional)
        {
            message = "notional below the minimum";
            return false;
        }
        message = "";
        return true;
    }

    /// <summary>
    /// Trigger rule on the last trade price (the default trigger of both exchanges: Bybit <c>triggerBy=LastPrice</c>,
    /// bybit-v5.md §4.8; Binance <c>workingType=CONTRACT_PRICE</c>, binance-usdm.md §4.4): a stop buys when the price
    /// rises to the trigger and sells when it falls to it; a take-profit buys when the price falls to the trigger and
    /// sells when it rises to it.
    /// </summary>
    public static bool Triggers(OrderType type, Side side, long triggerTicks, long priceTicks) =>
        (type == OrderType.StopMarket) == (side == Side.Buy) ? priceTicks >= triggerTicks : priceTicks <= triggerTicks;

    /// <summary>True when a limit order at <paramref name="priceTicks"/> would trade on arrival.</summary>
    public static bool Crosses(Side side, long priceTicks, OrderBook book)
    {
        if (side == Side.Buy) return book.Asks.Count > 0 && priceTicks >= book.BestAsk;
        return book.Bids.Count > 0 && priceTicks <= book.BestBid;
    }

    private static bool TermsAreValid(OrderRequest request, out string message)
    {
        message = "";
        if (request.QtyLots <= 0) message = "quantity must be positive";
        else if (request.Type == OrderType.Limit && request.PriceTicks <= 0) message = "limit price must be positive";
        else if (request.Type.IsConditional() && request.TriggerPriceTicks <= 0) message = "trigger price must be positive";
        else if (request.Type != OrderType.Limit && request.TimeInForce == TimeInForce.PostOnly) message = "post-only needs a limit order";
        return message.Length == 0;
    }

    private static bool HasMargin(VenueOrder order, decimal refPrice, VenueState state)
    {
        decimal leverage = state.Options.Leverage;
        if (leverage <= 0 || order.ReduceOnly || order.IsConditional) return true;
        decimal equity = state.Account.Balance;
        decimal exposure = order.Symbol.Spec.Qty.ToDecimal(order.QtyLots) * refPrice;
        foreach (var s in state.Symbols)
        {
            decimal value = s.ValuationPrice();
            decimal qty = s.Spec.Qty.ToDecimal(s.Position.NetLots);
            if (qty != 0 && value > 0)
            {
                equity += (value - s.Spec.Price.ToDecimal(1) * s.Position.AvgEntryTicks) * qty;
                exposure += Math.Abs(qty) * value;
            }
            foreach (var o in s.Working)
            {
                if (o.ReduceOnly || o.IsConditional) continue;
                exposure += s.Spec.Qty.ToDecimal(o.RemainingLots) * s.Spec.Price.ToDecimal(o.PriceTicks);
            }
        }
        return exposure <= equity * leverage;
    }
}
