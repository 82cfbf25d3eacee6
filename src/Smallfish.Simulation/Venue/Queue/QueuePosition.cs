namespace Smallfish.Simulation.Venue.Queue;

/// <summary>
/// Where a resting order stands in the FIFO queue of its price level, estimated from an L2 feed in which the order
/// itself is invisible. The order joins at the back: <see cref="AheadLots"/> starts at the size visible at its price
/// (0 when it opens a new level or improves the price). Trades at the price consume the queue ahead first; what is
/// left of a trade reaches the order. Size that leaves the level without trading (cancels) is handed to an
/// <see cref="IQueueModel"/>. Size added later joins behind the order and never moves it back.
/// </summary>
/// <remarks>
/// Trade prints and book deltas report the same volume twice and arrive in either order. Two counters keep it from
/// being counted twice: trades seen since the last book message are netted out of the next decrease of the level
/// (trade first, book second); and whatever advance a book message gave the order for size that left without a trade
/// print (the queue model's share of a cancel, or the cap to the visible size) is kept as a credit that the next trades
/// at the price consume before they touch the queue (book first, trade second: the "cancel" was really the trade).
/// Both expire at the following book message, which by then reflects every earlier trade. Where a cancel and a later
/// genuine trade meet, the credit errs on the pessimistic side.
/// </remarks>
public sealed class QueuePosition
{
    private long _tradedSinceBook;
    private long _advanceCredit;

    /// <summary>Lots estimated to stand in front of the order.</summary>
    public long AheadLots { get; private set; }

    /// <summary>Size visible at the order's price at the last book message, lots.</summary>
    public long VisibleLots { get; private set; }

    /// <summary>Places the order at the back of a level showing <paramref name="visibleLots"/>.</summary>
    public void Join(long visibleLots)
    {
        VisibleLots = Math.Max(0, visibleLots);
        AheadLots = VisibleLots;
        _tradedSinceBook = 0;
        _advanceCredit = 0;
    }

    /// <summary>
    /// A trade of <paramref name="lots"/> at the order's price against its side. Returns how many of those lots
    /// reached past the queue ahead: the volume available to fill the order (and anything of ours behind it).
    /// </summary>
    public long OnTrade(long lots)
    {
        if (lots <= 0) return 0;
        long credited = Math.Min(lots, _advanceCredit);
        _advanceCredit -= credited;
        lots -= credited;
        _tradedSinceBook += lots;
        long consumed = Math.Min(AheadLots, lots);
        AheadLots -= consumed;
        return lots - consumed;
    }

    /// <summary>
    /// A book message left <paramref name="visibleLots"/> at the order's price (call it for every book message of the
    /// symbol, changed or not, so the trade netting expires on time).
    /// </summary>
    public void OnBook(long visibleLots, IQueueModel model)
    {
        visibleLots = Math.Max(0, visibleLots);
        long aheadBefore = AheadLots;
        long decrease = VisibleLots - visibleLots;
        if (decrease > 0)
        {
            long byTrades = Math.Min(decrease, _tradedSinceBook);
            long cancelled = decrease - byTrades;
            if (cancelled > 0 && AheadLots > 0)
            {
                long ahead = model.AheadAfterCancel(AheadLots, VisibleLots - byTrades, cancelled);
                AheadLots = Math.Clamp(ahead, Math.Max(0, AheadLots - cancelled), AheadLots);
            }
        }
        _tradedSinceBook = 0;
        if (AheadLots > visibleLots) AheadLots = visibleLots; // nobody can stand in front in size that is not there
        _advanceCredit = aheadBefore - AheadLots;
        VisibleLots = visibleLots;
    }
}
