using Smallfish.Core.MarketData;

namespace Smallfish.Emulator.Books;

/// <summary>
/// The top <see cref="Depth"/> levels of the venue's book as last published on one stream, and the update id of that
/// state. <see cref="Refresh"/> compares the book with it and produces the delta (absolute sizes, 0 = the level left
/// the top N), so a subscriber that applies snapshot + deltas holds exactly the top N of the venue's book, whatever
/// changed it (a feed message, liquidity our own taker orders removed, a snapshot).
/// </summary>
internal sealed class DepthView
{
    private readonly Side _bids;
    private readonly Side _asks;

    public DepthView(int depth)
    {
        Depth = depth;
        _bids = new Side(depth, descending: true);
        _asks = new Side(depth, descending: false);
    }

    public int Depth { get; }

    /// <summary>Update id of the published state (incremented per change by the owner).</summary>
    public long LastUpdateId { get; set; }

    /// <summary>Number of published bid / ask levels.</summary>
    public int BidCount => _bids.Count;

    public int AskCount => _asks.Count;

    /// <summary>Compares <paramref name="book"/> with the published state, writes the changed levels to <paramref name="delta"/> and adopts the book; true when anything changed.</summary>
    public bool Refresh(OrderBook book, BookUpdate delta)
    {
        delta.Bids.Clear();
        delta.Asks.Clear();
        bool valid = book.IsValid;
        _bids.Diff(valid ? book.Bids : null, delta.Bids);
        _asks.Diff(valid ? book.Asks : null, delta.Asks);
        return delta.Bids.Count > 0 || delta.Asks.Count > 0;
    }

    /// <summary>Writes the published state as a snapshot's levels, best first.</summary>
    public void WriteSnapshot(BookUpdate snapshot, int maxLevels = int.MaxValue)
    {
        snapshot.Bids.Clear();
        snapshot.Asks.Clear();
        _bids.CopyTo(snapshot.Bids, maxLevels);
        _asks.CopyTo(snapshot.Asks, maxLevels);
    }

    /// <summary>The best published bid / ask (price, size); zeros when empty.</summary>
    public (long BidTicks, long BidLots, long AskTicks, long AskLots) Top() => (_bids.BestPrice, _bids.BestQty, _asks.BestPrice, _asks.BestQty);

    private sealed class Side
    {
        private readonly bool _descending;
        private long[] _prices;
        private long[] _qty;
        private long[] _nextPrices;
        private long[] _nextQty;

        public Side(int depth, bool descending)
        {
            _descending = descending;
            int capacity = Math.Min(depth, 1024);
            _prices = new long[capacity];
            _qty = new long[capacity];
            _nextPrices = new long[capacity];
            _nextQty = new long[capacity];
            Depth = depth;
        }

        public int Depth { get; }

        public int Count { get; private set; }

        public long BestPrice => Count > 0 ? _prices[0] : 0;

        public long BestQty => Count > 0 ? _qty[0] : 0;

        public void Diff(BookSide? side, LevelList changes)
        {
            int n = 0;
            if (side is not null)
            {
                int want = Math.Min(side.Count, Depth);
                if (_nextPrices.Length < want)
                {
                    _nextPrices = new long[want];
                    _nextQty = new long[want];
                }
                n = BookLevels.CopyTop(side, _nextPrices, _nextQty, want);
            }
            int i = 0, j = 0;
            while (i < Count || j < n)
            {
                if (j == n || (i < Count && Better(_prices[i], _nextPrices[j])))
                {
                    changes.Add(_prices[i], 0); // left the top N or the book
                    i++;
                }
                else if (i == Count || Better(_nextPrices[j], _prices[i]))
                {
                    changes.Add(_nextPrices[j], _nextQty[j]);
                    j++;
                }
                else
                {
                    if (_qty[i] != _nextQty[j]) changes.Add(_nextPrices[j], _nextQty[j]);
                    i++;
                    j++;
                }
            }
            (_prices, _nextPrices) = (_nextPrices, _prices);
            (_qty, _nextQty) = (_nextQty, _qty);
            Count = n;
        }

        public void CopyTo(LevelList into, int max)
        {
            for (int i = 0; i < Count && i < max; i++) into.Add(_prices[i], _qty[i]);
        }

        private bool Better(long a, long b) => _descending ? a > b : a < b;
    }
}
