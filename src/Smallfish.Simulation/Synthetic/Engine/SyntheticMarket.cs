using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>
/// The generator's own L2 book and the primitives every background process and episode acts through. All changes of
/// one action are collected and go out as one delta in <see cref="EndAction"/>; trades go out the moment they print,
/// so a consumer always sees a print before the delta that removes the size it took. The book never crosses:
/// nothing may rest at or through the other side's best price.
/// </summary>
internal sealed partial class SyntheticMarket
{
    private readonly DeltaBuilder _delta = new();
    private readonly SyntheticBackgroundOptions _o;
    private readonly bool _emitBbo;
    private long _bboBid, _bboBidQty, _bboAsk, _bboAskQty;

    public SyntheticMarket(SyntheticMarketOptions options, FeedEmitter feed, SyntheticRandom rng)
    {
        _o = options.Background;
        _emitBbo = options.Feed.EmitBbo;
        Feed = feed;
        Rng = rng;
        Sizes = new SizeModel(_o, options.Instrument);
        Bids = new BookSide(Side.Buy, 512);
        Asks = new BookSide(Side.Sell, 512);
    }

    public FeedEmitter Feed { get; }

    /// <summary>Randomness of the background's mechanics (level sizes, gap fills, print splits).</summary>
    public SyntheticRandom Rng { get; }

    public SizeModel Sizes { get; }

    public SyntheticBackgroundOptions Options => _o;

    public MarketModulation Mod { get; } = new();

    /// <summary>Rolling VWAP of every print (60 s half-life), the reference VWAP stretches are measured from.</summary>
    public VwapTracker Vwap { get; } = new(60_000_000_000);

    public LevelGuard Guard { get; } = new();

    public BookSide Bids { get; }

    public BookSide Asks { get; }

    /// <summary>Internal time of the current action, ns (never decreases).</summary>
    public long NowNs { get; set; }

    /// <summary>Lowest price any level may have (a tenth of the opening price).</summary>
    public long MinPriceTicks { get; private set; }

    public long BestBid => Bids.BestPrice;

    public long BestAsk => Asks.BestPrice;

    public long SpreadTicks => BestAsk - BestBid;

    /// <summary>Best bid + best ask: twice the mid, in ticks.</summary>
    public long Mid2 => BestBid + BestAsk;

    public BookSide Book(Side side) => side == Side.Buy ? Bids : Asks;

    public long Best(Side side) => Book(side).BestPrice;

    public long Qty(Side side, long price) => Book(side).QtyAtPrice(price);

    /// <summary>The price <paramref name="ticks"/> behind <paramref name="price"/> on <paramref name="side"/> (deeper in the book).</summary>
    public static long Deeper(Side side, long price, long ticks) => side == Side.Buy ? price - ticks : price + ticks;

    /// <summary>True when <paramref name="a"/> is a better price than <paramref name="b"/> for resting on <paramref name="side"/>.</summary>
    public static bool IsBetter(Side side, long a, long b) => side == Side.Buy ? a > b : a < b;

    /// <summary>Builds the opening book around <paramref name="bestBid"/> (one-tick spread); nothing is emitted.</summary>
    public void Initialize(long bestBid)
    {
        MinPriceTicks = Math.Max(1, bestBid / 10);
        Bids.Set(bestBid, Sizes.TouchLots(Rng));
        Asks.Set(bestBid + 1, Sizes.TouchLots(Rng));
        for (int d = 1; d <= _o.DepthTicks; d++)
        {
            if (Rng.Chance(_o.LevelOccupancy)) Bids.Set(bestBid - d, Sizes.LevelLots(Rng));
            if (Rng.Chance(_o.LevelOccupancy)) Asks.Set(bestBid + 1 + d, Sizes.LevelLots(Rng));
        }
        EnsureDepth(Side.Buy);
        EnsureDepth(Side.Sell);
        _delta.Clear();
        _bboBid = BestBid; _bboBidQty = Bids.BestQty; _bboAsk = BestAsk; _bboAskQty = Asks.BestQty;
    }

    /// <summary>Sets a level's absolute size (0 deletes) and records the change. No checks: callers keep the book uncrossed.</summary>
    public void Set(Side side, long price, long lots)
    {
        if (lots < 0) lots = 0;
        long before = Book(side).Set(price, lots);
        if (before != lots) _delta.Record(side, price, before, lots);
    }

    /// <summary>True when a new order may rest at <paramref name="price"/>: above the floor, not crossing, not quoting past a defended level.</summary>
    public bool CanRest(Side side, long price)
    {
        if (price < MinPriceTicks) return false;
        var other = Book(side.Opposite());
        if (other.Count > 0 && (side == Side.Buy ? price >= other.BestPrice : price <= other.BestPrice)) return false;
        if (Guard.Mode is GuardMode.Iceberg or GuardMode.Absorb && Guard.Side == side && IsBetter(side, price, Guard.Price)) return false;
        return true;
    }

    /// <summary>A limit order joins the book (dropped when it may not rest there; an iceberg level takes no other orders).</summary>
    public void Add(Side side, long price, long lots)
    {
        if (lots <= 0 || !CanRest(side, price)) return;
        if (Guard.Is(GuardMode.Iceberg, side, price)) return;
        Set(side, price, Qty(side, price) + lots);
    }

    /// <summary>A background cancel of up to <paramref name="lots"/>; guarded size stays. Returns lots removed.</summary>
    public long Cancel(Side side, long price, long lots)
    {
        long q = Qty(side, price);
        if (q == 0 || lots <= 0) return 0;
        long keep = 0;
        if (Guard.Active && Guard.Side == side && Guard.Price == price)
        {
            if (Guard.Mode != GuardMode.Spoof) return 0;
            keep = Guard.ReservedLots;
        }
        long removed = Math.Min(q - keep, lots);
        if (removed <= 0) return 0;
        Set(side, price, q - removed);
        return removed;
    }

    /// <summary>Removes a whole level (quotes moving away). Spoof size there counts as pulled.</summary>
    public void RemoveLevel(Side side, long price)
    {
        if (Guard.Is(GuardMode.Spoof, side, price))
        {
            Guard.Pulled = true;
            Guard.ReservedLots = 0;
        }
        Set(side, price, 0);
    }

    /// <summary>Removes an episode's spoof size from its level (the pull) and marks it pulled.</summary>
    public void PullSpoof()
    {
        if (Guard.Mode != GuardMode.Spoof || Guard.ReservedLots == 0) return;
        long q = Qty(Guard.Side, Guard.Price);
        Set(Guard.Side, Guard.Price, Math.Max(0, q - Guard.ReservedLots));
        Guard.ReservedLots = 0;
        Guard.Pulled = true;
    }

    /// <summary>
    /// Ends an action: pulls spoof size that became the touch, keeps the minimum depth, pushes the delta, then, when an
    /// iceberg's visible size was taken, pushes its refill as a second delta with the same timestamp.
    /// </summary>
    public void EndAction()
    {
        if (Guard.Mode == GuardMode.Spoof && Guard.ReservedLots > 0 && Best(Guard.Side) == Guard.Price) PullSpoof();
        EnsureDepth(Side.Buy);
        EnsureDepth(Side.Sell);
        Flush();
        if (Guard.Mode == GuardMode.Iceberg && Guard.NeedsRefill)
        {
            Guard.NeedsRefill = false;
            long q = Qty(Guard.Side, Guard.Price);
            long add = Math.Min(Guard.DisplayLots - q, Guard.HiddenLots);
            bool fits = Guard.Side == Side.Buy ? Guard.Price < BestAsk || Asks.Count == 0 : Guard.Price > BestBid;
            if (add > 0 && fits)
            {
                Set(Guard.Side, Guard.Price, q + add);
                Guard.HiddenLots -= add;
                Flush();
            }
        }
    }

    /// <summary>Pushes the collected changes as one delta (nothing when nothing changed).</summary>
    public void Flush()
    {
        if (!Feed.Delta(NowNs, _delta) || !_emitBbo) return;
        if (BestBid == _bboBid && Bids.BestQty == _bboBidQty && BestAsk == _bboAsk && Asks.BestQty == _bboAskQty) return;
        _bboBid = BestBid; _bboBidQty = Bids.BestQty; _bboAsk = BestAsk; _bboAskQty = Asks.BestQty;
        Feed.Bbo(NowNs, Bids, Asks);
    }

    /// <summary>Tops a side up to the minimum level count with levels far from the touch.</summary>
    private void EnsureDepth(Side side)
    {
        var book = Book(side);
        if (book.Count == 0)
        {
            long anchor = side == Side.Buy ? BestAsk - 1 : BestBid + 1;
            if (anchor < MinPriceTicks) anchor = MinPriceTicks + 1;
            Set(side, anchor, Sizes.TouchLots(Rng));
        }
        int attempts = 0;
        while (book.Count < _o.MinLevels && attempts++ < 8 * _o.MinLevels)
        {
            long d = Rng.Between(_o.NearTicks + 1, _o.DepthTicks);
            long price = Deeper(side, book.BestPrice, d);
            if (price >= MinPriceTicks && book.QtyAtPrice(price) == 0) Set(side, price, Sizes.LevelLots(Rng));
        }
        while (book.Count < _o.MinLevels)
        {
            long price = Deeper(side, book.PriceAt(book.Count - 1), 1);
            if (price < MinPriceTicks) break;
            Set(side, price, Sizes.LevelLots(Rng));
        }
    }
}
