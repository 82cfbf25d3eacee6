using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Venue.Faults;

namespace Smallfish.Simulation.Venue.Matching;

/// <summary>
/// Executes orders that take liquidity: market orders, IOC/FOK limits, the crossing part of a GTC limit and triggered
/// conditional orders. They walk the opposite side of the venue's book from the touch, each level filling at most its
/// visible size, so slippage shows in the fill prices. What they take is removed from the venue's view of the book
/// until the next book message restates the level (a second order cannot take the same liquidity again).
/// </summary>
internal sealed class TakerExecution
{
    private readonly ExecutionRecorder _recorder;
    private readonly VenueFaults _faults;
    private readonly List<(long PriceTicks, long Lots)> _legs = new();

    public TakerExecution(ExecutionRecorder recorder, VenueFaults faults)
    {
        _recorder = recorder;
        _faults = faults;
    }

    /// <summary>
    /// Takes what the book offers for <paramref name="order"/> and reports its final state: Filled, or Expired with the
    /// rest (reason <see cref="RejectReason.NoLiquidity"/> when nothing filled,
    /// <see cref="RejectReason.ReduceOnlyViolated"/> when reduce-only cut it short).
    /// <paramref name="limitTicks"/> (0 = none) bounds the prices; levels better than <paramref name="worstOfTicks"/>
    /// (0 = none) are skipped: after a trade printed there, they are no longer really in the book.
    /// </summary>
    public void ExecuteAndClose(VenueOrder order, long limitTicks, long worstOfTicks, long tsNs)
    {
        long filled = Take(order, out bool cutByReduceOnly, limitTicks, worstOfTicks, tsNs);
        if (order.RemainingLots == 0)
        {
            _recorder.Update(order, OrderStatus.Filled, RejectReason.None, null, tsNs);
            return;
        }
        var reason = cutByReduceOnly ? RejectReason.ReduceOnlyViolated : filled == 0 ? RejectReason.NoLiquidity : RejectReason.None;
        string? message = reason switch
        {
            RejectReason.ReduceOnlyViolated => "reduce-only: quantity above the position expired",
            RejectReason.NoLiquidity => order.Symbol.Book.IsValid ? "no liquidity within the limit" : "book unavailable",
            _ => null,
        };
        _recorder.Update(order, OrderStatus.Expired, reason, message, tsNs);
    }

    /// <summary>
    /// Takes liquidity for <paramref name="order"/>'s remaining quantity without closing it (the caller rests the
    /// rest or expires it). Returns the lots filled.
    /// </summary>
    public long Take(VenueOrder order, out bool cutByReduceOnly, long limitTicks, long worstOfTicks, long tsNs)
    {
        long want = order.RemainingLots;
        cutByReduceOnly = false;
        if (order.ReduceOnly)
        {
            long reducible = order.Symbol.Position.ReducibleBy(order.Side);
            if (reducible < want)
            {
                want = reducible;
                cutByReduceOnly = true;
            }
        }
        want = _faults.CapFill(want);
        var book = order.Symbol.Book;
        if (want <= 0 || !book.IsValid) return 0;

        var levels = order.Side == Side.Buy ? book.Asks : book.Bids;
        bool buy = order.Side == Side.Buy;
        _legs.Clear();
        long taken = 0;
        for (int i = 0; i < levels.Count && taken < want; i++)
        {
            long px = levels.PriceAt(i);
            if (limitTicks > 0 && (buy ? px > limitTicks : px < limitTicks)) break;
            if (worstOfTicks > 0 && (buy ? px < worstOfTicks : px > worstOfTicks)) continue;
            long take = Math.Min(want - taken, levels.QtyAt(i));
            _legs.Add((px, take));
            taken += take;
        }
        foreach (var (px, lots) in _legs)
        {
            levels.Set(px, levels.QtyAtPrice(px) - lots);
            _recorder.Fill(order, px, lots, isMaker: false, tsNs);
        }
        return taken;
    }

    /// <summary>Lots available to <paramref name="side"/> within <paramref name="limitTicks"/> (for fill-or-kill).</summary>
    public static long Available(OrderBook book, Side side, long limitTicks)
    {
        if (!book.IsValid) return 0;
        var levels = side == Side.Buy ? book.Asks : book.Bids;
        long sum = 0;
        for (int i = 0; i < levels.Count; i++)
        {
            long px = levels.PriceAt(i);
            if (side == Side.Buy ? px > limitTicks : px < limitTicks) break;
            sum += levels.QtyAt(i);
        }
        return sum;
    }
}
