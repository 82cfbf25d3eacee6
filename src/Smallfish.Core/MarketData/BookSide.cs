using Smallfish.Core.Domain;

namespace Smallfish.Core.MarketData;

/// <summary>
/// One side of an L2 book in flat arrays: levels kept sorted with the best price at the END, so the frequent changes
/// near the touch move few elements. Keys are the price for bids and the negated price for asks, so both sides are
/// stored ascending. Exact at any depth (no range of interest drops far levels); allocates only when the side grows
/// deeper than it has ever been.
/// </summary>
public sealed class BookSide
{
    private long[] _keys;
    private long[] _qty;
    private int _count;
    private readonly bool _isBid;

    /// <summary>Creates an empty side.</summary>
    public BookSide(Side side, int initialCapacity = 1024)
    {
        Side = side;
        _isBid = side == Side.Buy;
        _keys = new long[Math.Max(16, initialCapacity)];
        _qty = new long[_keys.Length];
    }

    /// <summary>Which side this is.</summary>
    public Side Side { get; }

    /// <summary>Number of price levels.</summary>
    public int Count => _count;

    /// <summary>Best price in ticks, or 0 when empty.</summary>
    public long BestPrice => _count == 0 ? 0 : ToPrice(_keys[_count - 1]);

    /// <summary>Quantity at the best price in lots, or 0 when empty.</summary>
    public long BestQty => _count == 0 ? 0 : _qty[_count - 1];

    /// <summary>Price of the level <paramref name="level"/> away from the best (0 = best).</summary>
    public long PriceAt(int level) => ToPrice(_keys[_count - 1 - level]);

    /// <summary>Quantity of the level <paramref name="level"/> away from the best (0 = best).</summary>
    public long QtyAt(int level) => _qty[_count - 1 - level];

    /// <summary>Quantity resting at <paramref name="priceTicks"/>, 0 when there is no such level.</summary>
    public long QtyAtPrice(long priceTicks)
    {
        int i = Find(ToKey(priceTicks));
        return i >= 0 ? _qty[i] : 0;
    }

    /// <summary>
    /// Sets the absolute quantity at a price; 0 removes the level (removing an absent level is a no-op).
    /// Returns the quantity that was there before.
    /// </summary>
    public long Set(long priceTicks, long qtyLots)
    {
        long key = ToKey(priceTicks);
        int i = Find(key);
        if (i >= 0)
        {
            long prev = _qty[i];
            if (qtyLots > 0)
            {
                _qty[i] = qtyLots;
            }
            else
            {
                int move = _count - i - 1;
                if (move > 0)
                {
                    Array.Copy(_keys, i + 1, _keys, i, move);
                    Array.Copy(_qty, i + 1, _qty, i, move);
                }
                _count--;
            }
            return prev;
        }
        if (qtyLots <= 0) return 0;
        int at = ~i;
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _qty, _qty.Length * 2);
        }
        int tail = _count - at;
        if (tail > 0)
        {
            Array.Copy(_keys, at, _keys, at + 1, tail);
            Array.Copy(_qty, at, _qty, at + 1, tail);
        }
        _keys[at] = key;
        _qty[at] = qtyLots;
        _count++;
        return 0;
    }

    /// <summary>Removes every level.</summary>
    public void Clear() => _count = 0;

    /// <summary>Sum of quantity over the best <paramref name="levels"/> levels.</summary>
    public long DepthLevels(int levels)
    {
        long sum = 0;
        int n = Math.Min(levels, _count);
        for (int k = 0; k < n; k++) sum += _qty[_count - 1 - k];
        return sum;
    }

    /// <summary>Sum of quantity at prices within <paramref name="ticks"/> ticks of the best price (inclusive).</summary>
    public long DepthWithinTicks(long ticks)
    {
        if (_count == 0) return 0;
        long limitKey = _keys[_count - 1] - ticks;
        long sum = 0;
        for (int k = _count - 1; k >= 0 && _keys[k] >= limitKey; k--) sum += _qty[k];
        return sum;
    }

    /// <summary>Sum of price x quantity (in ticks x lots) over the best <paramref name="levels"/> levels.</summary>
    public double NotionalLevels(int levels)
    {
        double sum = 0;
        int n = Math.Min(levels, _count);
        for (int k = 0; k < n; k++) sum += (double)ToPrice(_keys[_count - 1 - k]) * _qty[_count - 1 - k];
        return sum;
    }

    private long ToKey(long price) => _isBid ? price : -price;

    private long ToPrice(long key) => _isBid ? key : -key;

    // Binary search over ascending keys; returns the index or the bitwise complement of the insertion point.
    private int Find(long key)
    {
        int lo = 0, hi = _count - 1;
        // Fast path: most updates touch the last few (best) levels.
        if (hi >= 0 && key >= _keys[hi]) return key == _keys[hi] ? hi : ~(hi + 1);
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            long k = _keys[mid];
            if (k == key) return mid;
            if (k < key) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }
}
