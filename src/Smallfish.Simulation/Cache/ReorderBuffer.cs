using Smallfish.Core.MarketData;
using Smallfish.Simulation.Recording;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// Restores exchange-time order within one source. A recorder writes lines in receive order, which across a
/// connection's streams (depth, trades, quotes) is close to, but not exactly, exchange-time order. Events pushed here
/// wait in a min-heap keyed by (exchange time, arrival number); an event may leave once the source has shown an event
/// at least <see cref="WindowNs"/> later, or once the source is exhausted. An event that arrives after a later one has
/// already left cannot be put back in place: it leaves next and is counted in <see cref="LateEvents"/>. Slots are
/// pooled, so steady state allocates nothing.
/// </summary>
internal sealed class ReorderBuffer : IMarketEventSink
{
    private readonly Stack<MarketEventSlot> _pool = new();
    private readonly Stack<BookUpdate> _books = new();
    private MarketEventSlot[] _heap = new MarketEventSlot[64];
    private int _count;
    private long _arrivals;
    private long _lastReleasedNs = long.MinValue;

    public ReorderBuffer(long windowNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windowNs);
        WindowNs = windowNs;
    }

    /// <summary>How far behind the latest exchange time seen an event is held back, ns.</summary>
    public long WindowNs { get; }

    /// <summary>Events waiting.</summary>
    public int Count => _count;

    /// <summary>Most events that waited at once.</summary>
    public int PeakCount { get; private set; }

    /// <summary>The latest exchange time pushed so far.</summary>
    public long MaxSeenNs { get; private set; } = long.MinValue;

    /// <summary>Events that arrived after a later event had already left (delivered slightly out of order).</summary>
    public long LateEvents { get; private set; }

    /// <summary>The earliest waiting event (valid while <see cref="Count"/> &gt; 0).</summary>
    public MarketEventSlot Head => _heap[0];

    /// <summary>True when the head may leave: its time is at least the window behind the latest time seen.</summary>
    public bool HeadIsReleasable => _count > 0 && _heap[0].ExchTsNs <= MaxSeenNs - WindowNs;

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        var slot = Rent(MarketEventKind.Book, update.ExchTsNs);
        var book = _books.Count > 0 ? _books.Pop() : new BookUpdate();
        book.CopyFrom(update);
        slot.Book = book;
        Push(slot);
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        var slot = Rent(MarketEventKind.Trade, trade.ExchTsNs);
        slot.Trade = trade;
        Push(slot);
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        var slot = Rent(MarketEventKind.Bbo, bbo.ExchTsNs);
        slot.Bbo = bbo;
        Push(slot);
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        var slot = Rent(MarketEventKind.Ticker, ticker.ExchTsNs);
        slot.Ticker = ticker;
        Push(slot);
    }

    /// <summary>Removes the head and returns it; give it back with <see cref="Return"/> once delivered.</summary>
    public MarketEventSlot Pop()
    {
        var top = _heap[0];
        _count--;
        if (_count > 0)
        {
            _heap[0] = _heap[_count];
            SiftDown(0);
        }
        _heap[_count] = null!;
        if (top.ExchTsNs < _lastReleasedNs) LateEvents++;
        else _lastReleasedNs = top.ExchTsNs;
        return top;
    }

    /// <summary>Puts a delivered slot back in the pool.</summary>
    public void Return(MarketEventSlot slot)
    {
        if (slot.Book is { } book)
        {
            _books.Push(book);
            slot.Book = null;
        }
        _pool.Push(slot);
    }

    private MarketEventSlot Rent(MarketEventKind kind, long exchTsNs)
    {
        var slot = _pool.Count > 0 ? _pool.Pop() : new MarketEventSlot();
        slot.Kind = kind;
        slot.ExchTsNs = exchTsNs;
        slot.Order = _arrivals++;
        if (exchTsNs > MaxSeenNs) MaxSeenNs = exchTsNs;
        return slot;
    }

    private void Push(MarketEventSlot slot)
    {
        if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        int i = _count++;
        if (_count > PeakCount) PeakCount = _count;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!slot.Precedes(_heap[parent])) break;
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = slot;
    }

    private void SiftDown(int i)
    {
        var slot = _heap[i];
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= _count) break;
            if (child + 1 < _count && _heap[child + 1].Precedes(_heap[child])) child++;
            if (!_heap[child].Precedes(slot)) break;
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = slot;
    }
}
