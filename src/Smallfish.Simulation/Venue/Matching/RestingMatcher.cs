using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Venue.Queue;

namespace Smallfish.Simulation.Venue.Matching;

/// <summary>
/// Matches the market stream against the orders resting at the venue. A trade at a resting order's price by an
/// aggressor on the other side first consumes the queue ahead of it, then fills it; several of our orders at that
/// price share the trade in the order they joined. A trade through the price (strictly better for the order), or an
/// opposite best price that moves through it, fills the order completely. Resting fills are maker fills at the
/// order's own price. Conditional orders trigger on the trade price and then execute as market orders; a close-position
/// order is sized to the position at that moment (and does not trigger while the symbol is flat).
/// </summary>
internal sealed class RestingMatcher
{
    private readonly VenueState _state;
    private readonly ExecutionRecorder _recorder;
    private readonly TakerExecution _taker;
    private readonly IQueueModel _queueModel;

    public RestingMatcher(VenueState state, ExecutionRecorder recorder, TakerExecution taker)
    {
        _state = state;
        _recorder = recorder;
        _taker = taker;
        _queueModel = state.Options.QueueModel;
    }

    /// <summary>A public trade at the venue.</summary>
    public void OnTrade(VenueSymbol symbol, in TradeEvent trade)
    {
        long px = trade.PriceTicks;
        long ts = trade.ExchTsNs;
        symbol.LastTradeTicks = px;
        var working = symbol.Working;
        if (working.Count == 0) return;

        bool filled = false;
        long takenAtPrice = 0; // trade volume already given to our earlier orders at the trade price
        for (int i = 0; i < working.Count; i++)
        {
            var o = working[i];
            if (o.IsConditional || o.IsTerminal) continue;
            bool buy = o.Side == Side.Buy;
            long lots = 0;
            if (buy ? px < o.PriceTicks : px > o.PriceTicks)
            {
                lots = o.RemainingLots; // traded through: everything at our price is gone
            }
            else if (px == o.PriceTicks && trade.Aggressor != o.Side)
            {
                long reached = o.Queue.OnTrade(trade.QtyLots);
                lots = Math.Min(o.RemainingLots, Math.Max(0, reached - takenAtPrice));
                takenAtPrice += lots;
            }
            if (lots > 0) filled |= FillResting(o, lots, ts);
        }

        for (int i = 0; i < working.Count; i++)
        {
            var o = working[i];
            if (!o.IsConditional || o.IsTerminal) continue;
            if (!OrderChecks.Triggers(o.Type, o.Side, o.TriggerTicks, px)) continue;
            if (o.ClosePosition)
            {
                // Sized by the venue at the trigger: exactly the position now, fills after placement included.
                long position = o.Symbol.Position.ReducibleBy(o.Side);
                if (position == 0) continue; // nothing to close: stays armed
                o.QtyLots = o.FilledLots + position;
            }
            // Triggered by this print: levels better than its price were just swept and are stale in our view.
            _taker.ExecuteAndClose(o, limitTicks: 0, worstOfTicks: px, ts);
            filled |= o.FilledLots > 0;
        }

        VenueState.Compact(symbol);
        if (filled) _state.CancelStaleReduceOnly(symbol, _recorder, ts);
    }

    /// <summary>The venue's book for <paramref name="symbol"/> has just applied a message stamped <paramref name="tsNs"/>.</summary>
    public void OnBook(VenueSymbol symbol, long tsNs)
    {
        var book = symbol.Book;
        var working = symbol.Working;
        if (!book.IsValid || working.Count == 0) return;

        bool filled = false;
        for (int i = 0; i < working.Count; i++)
        {
            var o = working[i];
            if (o.IsConditional || o.IsTerminal) continue;
            bool buy = o.Side == Side.Buy;
            o.Queue.OnBook((buy ? book.Bids : book.Asks).QtyAtPrice(o.PriceTicks), _queueModel);
            long opposite = buy ? book.BestAsk : book.BestBid;
            if (opposite > 0 && (buy ? opposite < o.PriceTicks : opposite > o.PriceTicks))
                filled |= FillResting(o, o.RemainingLots, tsNs);
        }
        VenueState.Compact(symbol);
        if (filled) _state.CancelStaleReduceOnly(symbol, _recorder, tsNs);
    }

    private bool FillResting(VenueOrder order, long lots, long tsNs)
    {
        lots = _state.Faults.CapFill(lots);
        if (order.ReduceOnly)
        {
            long reducible = order.Symbol.Position.ReducibleBy(order.Side);
            if (reducible == 0)
            {
                _recorder.Update(order, OrderStatus.Cancelled, RejectReason.ReduceOnlyViolated, "reduce-only order cancelled: no position to reduce", tsNs);
                return false;
            }
            lots = Math.Min(lots, reducible);
        }
        _recorder.Fill(order, order.PriceTicks, lots, isMaker: true, tsNs);
        _recorder.Update(order, order.RemainingLots == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled, RejectReason.None, null, tsNs);
        return true;
    }
}
