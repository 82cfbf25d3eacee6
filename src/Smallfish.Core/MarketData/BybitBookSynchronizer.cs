namespace Smallfish.Core.MarketData;

/// <summary>
/// Bybit v5 <c>orderbook.{depth}.{symbol}</c> rules: a snapshot replaces the book (a snapshot with u = 1 means the
/// service restarted); each delta's <c>u</c> must be the previous <c>u</c> + 1, otherwise the book is invalid until
/// the next snapshot (the owner resubscribes to get one). A crossed book is treated like a gap.
/// </summary>
public sealed class BybitBookSynchronizer : IBookSynchronizer
{
    private bool _haveSnapshot;

    /// <summary>Creates a synchronizer over <paramref name="book"/>.</summary>
    public BybitBookSynchronizer(OrderBook book) => Book = book;

    /// <inheritdoc />
    public OrderBook Book { get; }

    /// <inheritdoc />
    public bool NeedsSnapshot => !_haveSnapshot;

    /// <inheritdoc />
    public long GapCount { get; private set; }

    /// <inheritdoc />
    public BookSyncResult Apply(BookUpdate update)
    {
        if (update.Kind == BookUpdateKind.Snapshot)
        {
            Book.ApplySnapshot(update);
            _haveSnapshot = true;
            if (Book.MarkValidIfUncrossed()) return BookSyncResult.Synced;
            _haveSnapshot = false;
            return BookSyncResult.Crossed;
        }

        if (!_haveSnapshot) return BookSyncResult.Ignored;
        long expected = Book.LastUpdateId + 1;
        if (update.LastUpdateId < expected) return BookSyncResult.Ignored;
        if (update.LastUpdateId != expected)
        {
            GapCount++;
            _haveSnapshot = false;
            Book.Invalidate(BookInvalidReason.SequenceGap);
            return BookSyncResult.Gap;
        }

        Book.ApplyDelta(update);
        if (Book.IsCrossed)
        {
            _haveSnapshot = false;
            Book.Invalidate(BookInvalidReason.Crossed);
            return BookSyncResult.Crossed;
        }
        return BookSyncResult.Applied;
    }

    /// <inheritdoc />
    public void Reset(BookInvalidReason reason)
    {
        _haveSnapshot = false;
        Book.Reset(reason);
    }
}
