using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>Aggressive orders and quote moves.</summary>
internal sealed partial class SyntheticMarket
{
    /// <summary>
    /// An aggressive order takes up to <paramref name="lots"/> from the best level on the other side, printing what it
    /// takes. Never takes spoof size; an iceberg prints beyond its visible size from hidden size; a defended level
    /// always keeps a tenth of its size. <paramref name="limitPrice"/> (0 = none) bounds the price. Returns lots filled.
    /// </summary>
    public long TakeBest(Side aggressor, long lots, long limitPrice = 0)
    {
        var passive = aggressor.Opposite();
        var book = Book(passive);
        if (lots <= 0 || book.Count == 0) return 0;
        long px = book.BestPrice;
        if (limitPrice > 0 && (aggressor == Side.Buy ? px > limitPrice : px < limitPrice)) return 0;
        long avail = book.BestQty;
        if (Guard.Active && Guard.Side == passive && Guard.Price == px)
        {
            switch (Guard.Mode)
            {
                case GuardMode.Spoof:
                    return 0;
                case GuardMode.Iceberg:
                    return TakeIceberg(aggressor, px, avail, lots);
                case GuardMode.Absorb:
                    long keep = Math.Max(1, avail / 10);
                    long t = Math.Min(lots, avail - keep);
                    if (t <= 0) return 0;
                    Print(aggressor, px, t);
                    Set(passive, px, avail - t);
                    return t;
            }
        }
        long take = Math.Min(avail, lots);
        Print(aggressor, px, take);
        Set(passive, px, avail - take);
        return take;
    }

    /// <summary>
    /// An aggressive order of <paramref name="lots"/> that may walk through the best <paramref name="maxLevels"/> levels
    /// on the other side (an IOC with a limit at the last of them). Returns lots filled.
    /// </summary>
    public long TakeWalking(Side aggressor, long lots, int maxLevels)
    {
        var book = Book(aggressor.Opposite());
        if (book.Count == 0) return 0;
        long limit = book.PriceAt(Math.Min(maxLevels, book.Count) - 1);
        long filled = 0;
        while (filled < lots)
        {
            long f = TakeBest(aggressor, lots - filled, limit);
            if (f == 0) break;
            filled += f;
        }
        return filled;
    }

    /// <summary>Pushes one trade print at the current time.</summary>
    public void Print(Side aggressor, long price, long lots)
    {
        if (lots <= 0) return;
        Feed.Trade(NowNs, price, lots, aggressor);
        Vwap.Add(NowNs, price, lots);
    }

    /// <summary>
    /// Moves the whole quote by <paramref name="ticks"/> (sign = direction) with a fresh 1-tick spread (2 ticks with the
    /// configured probability), optionally led by an aggressive order of <paramref name="leadPrints"/> background prints
    /// at the old touch. Returns false when the move is not allowed (price floor, a defended level in the way).
    /// </summary>
    public bool Move(long ticks, int leadPrints, double printScale = 1)
    {
        if (ticks == 0) return false;
        long spread = Rng.Chance(_o.WideSpreadProbability) ? 2 : 1;
        long newMid2 = Mid2 + 2 * ticks;
        long newBid = (newMid2 - spread) >> 1;
        Side? lead = leadPrints > 0 ? (ticks > 0 ? Side.Buy : Side.Sell) : null;
        return Requote(newBid, newBid + spread, lead, leadPrints, printScale);
    }

    /// <summary>
    /// Moves the quotes so the best bid is <paramref name="newBid"/> and the best ask <paramref name="newAsk"/>: levels
    /// in the way are traded by the optional lead order (at most <paramref name="leadPrints"/> prints) and the rest
    /// cancelled; the new touch gets a fresh size; ticks left behind the moving side are refilled at the book's occupancy.
    /// </summary>
    public bool Requote(long newBid, long newAsk, Side? leadAggressor, int leadPrints, double printScale = 1)
    {
        if (newBid >= newAsk || newBid < MinPriceTicks) return false;
        if (Guard.Mode is GuardMode.Iceberg or GuardMode.Absorb
            && (Guard.Side == Side.Buy ? Guard.Price > newBid : Guard.Price < newAsk)) return false;

        if (leadAggressor is Side a)
        {
            // The lead order trades only what the move clears, and no deeper than a background taker walks.
            var other = Book(a.Opposite());
            long limit = a == Side.Buy ? newAsk - 1 : newBid + 1;
            if (other.Count >= _o.MaxWalkLevels)
            {
                long walk = other.PriceAt(_o.MaxWalkLevels - 1);
                limit = a == Side.Buy ? Math.Min(limit, walk) : Math.Max(limit, walk);
            }
            for (int i = 0; i < leadPrints; i++)
            {
                if (TakeBest(a, Sizes.TradeLots(Rng, printScale), limit) == 0) break;
            }
        }
        while (Asks.Count > 0 && Asks.BestPrice < newAsk) RemoveLevel(Side.Sell, Asks.BestPrice);
        while (Bids.Count > 0 && Bids.BestPrice > newBid) RemoveLevel(Side.Buy, Bids.BestPrice);

        long oldBid = Bids.BestPrice, oldAsk = Asks.BestPrice;
        // Makers quote the new touch with a fresh size (an existing smaller level there grows to it).
        long bidTouch = Sizes.TouchLots(Rng, Mod.QuoteSize[0]), askTouch = Sizes.TouchLots(Rng, Mod.QuoteSize[1]);
        if (Bids.QtyAtPrice(newBid) < bidTouch && !Guard.Is(GuardMode.Iceberg, Side.Buy, newBid)) Set(Side.Buy, newBid, bidTouch);
        if (Asks.QtyAtPrice(newAsk) < askTouch && !Guard.Is(GuardMode.Iceberg, Side.Sell, newAsk)) Set(Side.Sell, newAsk, askTouch);
        if (oldBid > 0)
        {
            for (long p = oldBid + 1; p < newBid; p++)
            {
                if (Rng.Chance(_o.LevelOccupancy)) Set(Side.Buy, p, Sizes.LevelLots(Rng, Mod.QuoteSize[0]));
            }
        }
        if (oldAsk > 0)
        {
            for (long p = newAsk + 1; p < oldAsk; p++)
            {
                if (Rng.Chance(_o.LevelOccupancy)) Set(Side.Sell, p, Sizes.LevelLots(Rng, Mod.QuoteSize[1]));
            }
        }
        return true;
    }

    private long TakeIceberg(Side aggressor, long px, long visible, long lots)
    {
        long total = Math.Min(lots, visible + Guard.HiddenLots);
        long fromVisible = Math.Min(visible, total);
        Print(aggressor, px, fromVisible);
        long hidden = total - fromVisible;
        Guard.HiddenLots -= hidden;
        Guard.HiddenPrinted += hidden;
        while (hidden > 0)
        {
            // Each refilled slice matches as its own maker order: prints no larger than the display size.
            long p = Math.Min(hidden, Guard.DisplayLots);
            Print(aggressor, px, p);
            hidden -= p;
        }
        Set(Guard.Side, px, visible - fromVisible);
        if (visible - fromVisible < Guard.DisplayLots) Guard.NeedsRefill = true;
        return total;
    }
}
