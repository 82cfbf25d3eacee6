namespace Smallfish.Core.MarketData;

/// <summary>
/// Applies one exchange's book messages to an <see cref="OrderBook"/> the way that exchange prescribes: sequence
/// checks, buffering until a snapshot, resync on a gap or a crossed book. The book is unusable
/// (<see cref="OrderBook.IsValid"/> false) from a gap until the next successful sync.
/// </summary>
public interface IBookSynchronizer
{
    /// <summary>The book this synchronizer maintains.</summary>
    OrderBook Book { get; }

    /// <summary>True when the owner must obtain a snapshot (REST fetch or resubscribe) before the book is usable.</summary>
    bool NeedsSnapshot { get; }

    /// <summary>Number of gaps detected since creation.</summary>
    long GapCount { get; }

    /// <summary>Applies a snapshot or delta.</summary>
    BookSyncResult Apply(BookUpdate update);

    /// <summary>Discards the book and any buffered messages, e.g. after a disconnect.</summary>
    void Reset(BookInvalidReason reason);
}
