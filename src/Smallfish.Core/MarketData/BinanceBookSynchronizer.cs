namespace Smallfish.Core.MarketData;

/// <summary>
/// Binance USD-M local book procedure: buffer diffs until a REST snapshot; drop diffs with <c>u &lt; lastUpdateId</c>;
/// the first applied diff must have <c>U &lt;= lastUpdateId &lt;= u</c>; every later diff's <c>pu</c> must equal the
/// previous <c>u</c>. A gap or a crossed book invalidates the book and starts buffering again until the owner fetches a
/// new snapshot. A snapshot older than the first buffered diff is rejected as stale.
/// </summary>
public sealed class BinanceBookSynchronizer : IBookSynchronizer
{
    private readonly Queue<BookUpdate> _buffer = new();
    private readonly Stack<BookUpdate> _pool = new();
    private readonly int _maxBuffered;
    private bool _synced;
    private bool _awaitFirst; // synced from a snapshot, but no diff chained onto it yet

    /// <summary>Creates a synchronizer over <paramref name="book"/> that buffers at most <paramref name="maxBuffered"/> diffs.</summary>
    public BinanceBookSynchronizer(OrderBook book, int maxBuffered = 20_000)
    {
        Book = book;
        _maxBuffered = maxBuffered;
    }

    /// <inheritdoc />
    public OrderBook Book { get; }

    /// <inheritdoc />
    public bool NeedsSnapshot => !_synced;

    /// <inheritdoc />
    public long GapCount { get; private set; }

    /// <summary>Number of diffs held while waiting for a snapshot.</summary>
    public int BufferedCount => _buffer.Count;

    /// <inheritdoc />
    public BookSyncResult Apply(BookUpdate update) =>
        update.Kind == BookUpdateKind.Snapshot ? ApplySnapshot(update) : ApplyDiff(update);

    /// <inheritdoc />
    public void Reset(BookInvalidReason reason)
    {
        _synced = false;
        _awaitFirst = false;
        while (_buffer.Count > 0) _pool.Push(_buffer.Dequeue());
        Book.Reset(reason);
    }

    private BookSyncResult ApplySnapshot(BookUpdate snapshot)
    {
        long last = snapshot.LastUpdateId;
        if (_synced && last <= Book.LastUpdateId) return BookSyncResult.Ignored; // our book is already newer

        while (_buffer.Count > 0 && _buffer.Peek().LastUpdateId < last) _pool.Push(_buffer.Dequeue());
        if (_buffer.Count > 0 && _buffer.Peek().FirstUpdateId > last)
        {
            Book.Invalidate(BookInvalidReason.StaleSnapshot);
            return BookSyncResult.StaleSnapshot;
        }

        Book.ApplySnapshot(snapshot);
        _synced = true;
        _awaitFirst = true;
        Book.MarkValidIfUncrossed();
        while (_buffer.Count > 0)
        {
            // A diff that does not chain stays at the head of the buffer, in order, for the next snapshot.
            var r = ApplySyncedDiff(_buffer.Peek(), bufferOnGap: false);
            if (r == BookSyncResult.Gap) return r;
            _pool.Push(_buffer.Dequeue());
            if (r == BookSyncResult.Crossed) return r;
        }
        if (!Book.IsValid)
        {
            _synced = false;
            return BookSyncResult.Crossed;
        }
        return BookSyncResult.Synced;
    }

    private BookSyncResult ApplyDiff(BookUpdate diff)
    {
        if (!_synced)
        {
            Buffer(diff);
            return BookSyncResult.Buffered;
        }
        return ApplySyncedDiff(diff, bufferOnGap: true);
    }

    private BookSyncResult ApplySyncedDiff(BookUpdate diff, bool bufferOnGap)
    {
        long last = Book.LastUpdateId;
        if (_awaitFirst)
        {
            if (diff.LastUpdateId < last) return BookSyncResult.Ignored;
            if (diff.FirstUpdateId > last) return OnGap(diff, bufferOnGap);
            _awaitFirst = false;
        }
        else if (diff.PrevUpdateId != last)
        {
            if (diff.LastUpdateId <= last) return BookSyncResult.Ignored; // a duplicate of something applied
            return OnGap(diff, bufferOnGap);
        }

        Book.ApplyDelta(diff);
        if (Book.IsCrossed)
        {
            _synced = false;
            Book.Invalidate(BookInvalidReason.Crossed);
            return BookSyncResult.Crossed;
        }
        if (!Book.IsValid) Book.MarkValidIfUncrossed();
        return BookSyncResult.Applied;
    }

    private BookSyncResult OnGap(BookUpdate diff, bool buffer)
    {
        GapCount++;
        _synced = false;
        _awaitFirst = false;
        Book.Invalidate(BookInvalidReason.SequenceGap);
        if (buffer) Buffer(diff); // the restart from a new snapshot needs this diff
        return BookSyncResult.Gap;
    }

    private void Buffer(BookUpdate diff)
    {
        if (_buffer.Count >= _maxBuffered) _pool.Push(_buffer.Dequeue());
        var copy = _pool.Count > 0 ? _pool.Pop() : new BookUpdate();
        copy.CopyFrom(diff);
        _buffer.Enqueue(copy);
    }
}
