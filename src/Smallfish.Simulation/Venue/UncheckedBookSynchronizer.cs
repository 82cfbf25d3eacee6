using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Venue;

/// <summary>
/// Applies book messages without sequence checks: a snapshot replaces the book and makes it valid unless crossed,
/// a delta applies its absolute sizes, deltas before the first snapshot are ignored. A delta that crosses the book
/// invalidates it until the next snapshot, as the exchange synchronizers do.
/// </summary>
public sealed class UncheckedBookSynchronizer : IBookSynchronizer
{
    private bool _haveSnapshot;

    /// <summary>Creates a synchronizer over <paramref name="book"/>.</summary>
    public UncheckedBookSynchronizer(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        Book = book;
    }

    /// <inheritdoc />
    public OrderBook Book { get; }

    /// <inheritdoc />
    public bool NeedsSnapshot => !_haveSnapshot;

    /// <inheritdoc />
    public long GapCount => 0;

    /// <inheritdoc />
    public BookSyncResult Apply(BookUpdate update)
    {
        if (update.Kind == BookUpdateKind.Snapshot)
        {
            Book.ApplySnapshot(update);
            _haveSnapshot = Book.MarkValidIfUncrossed();
            return _haveSnapshot ? BookSyncResult.Synced : BookSyncResult.Crossed;
        }
        if (!_haveSnapshot) return BookSyncResult.Ignored;
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
