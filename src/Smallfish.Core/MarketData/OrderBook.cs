using Smallfish.Core.Collections;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;

namespace Smallfish.Core.MarketData;

/// <summary>
/// An L2 order book for one symbol: prices in ticks, sizes in lots. Applies snapshots and deltas (absolute sizes);
/// sequencing is the job of a <see cref="IBookSynchronizer"/>, which marks the book invalid on a gap or a crossed book
/// until it is resynced. Every level change is appended to <see cref="Changes"/> so signals can see sizes pulled and
/// refilled near the touch. No allocation per message in steady state.
/// </summary>
public sealed class OrderBook
{
    /// <summary>
    /// Creates an empty, invalid book. Each side keeps the <paramref name="windowTicks"/> ticks around the touch in a flat
    /// array and the levels beyond it in a list that holds <paramref name="depthCapacity"/> levels before it grows
    /// (doubling): size it to the deepest book expected so the hot path never reallocates (a real Binance BTCUSDT
    /// diff-depth book passes 4,000 levels per side within minutes, most of them inside the default window).
    /// </summary>
    public OrderBook(InstrumentSpec spec, int symbolId = 0, int changeLogCapacity = 4096, int depthCapacity = 1024,
        int windowTicks = BookSide.DefaultWindowTicks)
    {
        Spec = spec;
        SymbolId = symbolId;
        Bids = new BookSide(Side.Buy, depthCapacity, windowTicks);
        Asks = new BookSide(Side.Sell, depthCapacity, windowTicks);
        Changes = new RingBuffer<LevelChange>(changeLogCapacity);
    }

    /// <summary>The instrument's grid.</summary>
    public InstrumentSpec Spec { get; }

    /// <summary>Index of the symbol in the engine's symbol table.</summary>
    public int SymbolId { get; }

    /// <summary>Bid side, best = highest price.</summary>
    public BookSide Bids { get; }

    /// <summary>Ask side, best = lowest price.</summary>
    public BookSide Asks { get; }

    /// <summary>Recent level changes, oldest first; overwritten when full.</summary>
    public RingBuffer<LevelChange> Changes { get; }

    /// <summary>True when the book is synced and not crossed: safe to trade on.</summary>
    public bool IsValid { get; private set; }

    /// <summary>Why the book is invalid (None when valid).</summary>
    public BookInvalidReason InvalidReason { get; private set; } = BookInvalidReason.NoSnapshot;

    /// <summary>Last applied update id (Bybit u, Binance u or snapshot lastUpdateId).</summary>
    public long LastUpdateId { get; internal set; }

    /// <summary>Exchange time of the last applied message, ns.</summary>
    public long ExchTsNs { get; private set; }

    /// <summary>Local receive time of the last applied message, ns.</summary>
    public long LocalTsNs { get; private set; }

    /// <summary>Number of messages applied.</summary>
    public long UpdatesApplied { get; private set; }

    /// <summary>Number of times the book was invalidated (gaps, crossed books, resets).</summary>
    public long Invalidations { get; private set; }

    /// <summary>Best bid in ticks (0 when empty).</summary>
    public long BestBid => Bids.BestPrice;

    /// <summary>Best ask in ticks (0 when empty).</summary>
    public long BestAsk => Asks.BestPrice;

    /// <summary>True when both sides have levels.</summary>
    public bool HasTwoSides => Bids.Count > 0 && Asks.Count > 0;

    /// <summary>True when best bid is at or above best ask.</summary>
    public bool IsCrossed => HasTwoSides && Bids.BestPrice >= Asks.BestPrice;

    /// <summary>Spread in ticks (0 when a side is empty).</summary>
    public long SpreadTicks => HasTwoSides ? Asks.BestPrice - Bids.BestPrice : 0;

    /// <summary>Mid price in ticks (may be a half tick); NaN when a side is empty.</summary>
    public double MidTicks => HasTwoSides ? (Bids.BestPrice + Asks.BestPrice) * 0.5 : double.NaN;

    /// <summary>
    /// Size-weighted micro-price in ticks: (bid x askQty + ask x bidQty) / (bidQty + askQty), which leans toward the
    /// side with less resting size. NaN when a side is empty.
    /// </summary>
    public double MicroPriceTicks
    {
        get
        {
            if (!HasTwoSides) return double.NaN;
            double bq = Bids.BestQty, aq = Asks.BestQty;
            return (Bids.BestPrice * aq + Asks.BestPrice * bq) / (bq + aq);
        }
    }

    /// <summary>Replaces the book with a snapshot's levels. Does not change validity (the synchronizer does).</summary>
    public void ApplySnapshot(BookUpdate snapshot)
    {
        Bids.Clear();
        Asks.Clear();
        // Exchanges list snapshot levels best first, so the first level centres each side's tick window on the touch.
        var b = snapshot.Bids;
        for (int i = 0; i < b.Count; i++) if (b.QtyAt(i) > 0) Bids.Set(b.PriceAt(i), b.QtyAt(i));
        var a = snapshot.Asks;
        for (int i = 0; i < a.Count; i++) if (a.QtyAt(i) > 0) Asks.Set(a.PriceAt(i), a.QtyAt(i));
        LastUpdateId = snapshot.LastUpdateId;
        Stamp(snapshot);
    }

    /// <summary>Applies a delta's absolute level sizes and records each change. Does not check sequencing.</summary>
    public void ApplyDelta(BookUpdate delta)
    {
        long ts = delta.ExchTsNs;
        long bestBid = Bids.BestPrice, bestAsk = Asks.BestPrice;
        var b = delta.Bids;
        for (int i = 0; i < b.Count; i++)
        {
            long px = b.PriceAt(i), q = b.QtyAt(i);
            long prev = Bids.Set(px, q);
            if (prev != q) Changes.Add(new LevelChange(ts, Side.Buy, px, prev, q, bestBid == 0 ? 0 : bestBid - px));
        }
        var a = delta.Asks;
        for (int i = 0; i < a.Count; i++)
        {
            long px = a.PriceAt(i), q = a.QtyAt(i);
            long prev = Asks.Set(px, q);
            if (prev != q) Changes.Add(new LevelChange(ts, Side.Sell, px, prev, q, bestAsk == 0 ? 0 : px - bestAsk));
        }
        LastUpdateId = delta.LastUpdateId;
        Stamp(delta);
    }

    /// <summary>Marks the book valid (after a successful sync) unless it is crossed.</summary>
    public bool MarkValidIfUncrossed()
    {
        if (IsCrossed)
        {
            Invalidate(BookInvalidReason.Crossed);
            return false;
        }
        IsValid = true;
        InvalidReason = BookInvalidReason.None;
        return true;
    }

    /// <summary>Marks the book unusable until resynced.</summary>
    public void Invalidate(BookInvalidReason reason)
    {
        if (IsValid) Invalidations++;
        IsValid = false;
        InvalidReason = reason;
    }

    /// <summary>Empties the book and marks it invalid.</summary>
    public void Reset(BookInvalidReason reason)
    {
        Bids.Clear();
        Asks.Clear();
        LastUpdateId = 0;
        Invalidate(reason);
    }

    private void Stamp(BookUpdate u)
    {
        ExchTsNs = u.ExchTsNs;
        LocalTsNs = u.LocalTsNs;
        UpdatesApplied++;
    }
}
