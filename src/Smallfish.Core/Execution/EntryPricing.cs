using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Core.Execution;

/// <summary>Entry prices from the book, in ticks (already on the grid). Pure functions.</summary>
public static class EntryPricing
{
    /// <summary>
    /// The post-only price: the own-side touch, moved <paramref name="offsetTicks"/> inside when the spread is wider
    /// than the offset (so the order still rests and never takes). 0 when the book is not tradable.
    /// </summary>
    public static long PostOnlyPrice(OrderBook book, Side side, long offsetTicks)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (!book.IsValid || !book.HasTwoSides || book.IsCrossed) return 0;
        long spread = book.SpreadTicks;
        long inside = offsetTicks > 0 && spread > offsetTicks ? offsetTicks : 0;
        return side == Side.Buy ? book.BestBid + inside : book.BestAsk - inside;
    }

    /// <summary>The far touch an aggressive order trades against: best ask for a buy, best bid for a sell (0 when not tradable).</summary>
    public static long FarTouch(OrderBook book, Side side)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (!book.IsValid || !book.HasTwoSides || book.IsCrossed) return 0;
        return side == Side.Buy ? book.BestAsk : book.BestBid;
    }

    /// <summary>The own-side touch: best bid for a buy, best ask for a sell (0 when not tradable).</summary>
    public static long NearTouch(OrderBook book, Side side)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (!book.IsValid || !book.HasTwoSides || book.IsCrossed) return 0;
        return side == Side.Buy ? book.BestBid : book.BestAsk;
    }

    /// <summary>The limit of an IOC that may trade up to <paramref name="maxSlippageTicks"/> through the far touch (0 when not tradable).</summary>
    public static long IocLimit(OrderBook book, Side side, long maxSlippageTicks)
    {
        long far = FarTouch(book, side);
        if (far <= 0) return 0;
        long limit = far + side.Sign() * Math.Max(0, maxSlippageTicks);
        return limit > 0 ? limit : 0;
    }
}
