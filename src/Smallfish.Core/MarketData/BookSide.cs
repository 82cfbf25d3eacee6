using Smallfish.Core.Domain;

namespace Smallfish.Core.MarketData;

/// <summary>
/// One side of an L2 book (prices in ticks, sizes in lots). Levels near the touch live in a flat array indexed by tick
/// (a window of <c>windowTicks</c> ticks centred on the best price when it was last placed), so setting a level is an
/// index and a store. Levels worse than the window's far edge (the far bids and asks a diff stream keeps touching)
/// live in a blocked sorted list. The best level is always inside the window: a better price beyond it, or the window
/// emptying, re-centres the window on the new best, as does the best drifting into the window's last eighth. Exact at
/// any depth. Allocates only when the far list grows beyond its largest size so far.
/// </summary>
/// <remarks>
/// Internally both sides use a key that grows toward the best (the price for bids, the negated price for asks).
/// Rank queries (<see cref="PriceAt"/>, <see cref="DepthLevels"/>) walk from the best skipping empty ticks, which is
/// cheap near the touch; use <see cref="CopyTo"/> to read a whole side.
/// </remarks>
public sealed class BookSide
{
    /// <summary>Default window: 32768 ticks (256 KB per side), e.g. ±1638 USDT around the best for BTCUSDT at 0.1.</summary>
    public const int DefaultWindowTicks = 1 << 15;

    private readonly bool _isBid;
    private readonly int _size;
    private readonly long[] _window;       // lots by key - _baseKey
    private readonly SortedLevels _outside; // levels with keys below _baseKey
    private long _baseKey;
    private int _bestIdx = -1;  // highest non-zero window index; -1 when the side is empty
    private int _lowIdx;        // every window index below it is zero
    private int _windowCount;

    /// <summary>
    /// Creates an empty side. <paramref name="initialCapacity"/> sizes the far list; <paramref name="windowTicks"/> the
    /// tick-indexed window (at least 16).
    /// </summary>
    public BookSide(Side side, int initialCapacity = 1024, int windowTicks = DefaultWindowTicks)
    {
        if (windowTicks < 16) throw new ArgumentOutOfRangeException(nameof(windowTicks), windowTicks, "the window must span at least 16 ticks");
        Side = side;
        _isBid = side == Side.Buy;
        _size = windowTicks;
        _window = new long[windowTicks];
        _outside = new SortedLevels(initialCapacity);
        _lowIdx = windowTicks;
    }

    /// <summary>Which side this is.</summary>
    public Side Side { get; }

    /// <summary>Number of price levels.</summary>
    public int Count => _windowCount + _outside.Count;

    /// <summary>Best price in ticks, or 0 when empty.</summary>
    public long BestPrice => _bestIdx < 0 ? 0 : ToPrice(_baseKey + _bestIdx);

    /// <summary>Quantity at the best price in lots, or 0 when empty.</summary>
    public long BestQty => _bestIdx < 0 ? 0 : _window[_bestIdx];

    /// <summary>Price of the level <paramref name="level"/> away from the best (0 = best).</summary>
    public long PriceAt(int level)
    {
        Locate(level, out long key, out _);
        return ToPrice(key);
    }

    /// <summary>Quantity of the level <paramref name="level"/> away from the best (0 = best).</summary>
    public long QtyAt(int level)
    {
        Locate(level, out _, out long qty);
        return qty;
    }

    /// <summary>Quantity resting at <paramref name="priceTicks"/>, 0 when there is no such level.</summary>
    public long QtyAtPrice(long priceTicks)
    {
        if (_bestIdx < 0) return 0;
        long idx = ToKey(priceTicks) - _baseKey;
        if ((ulong)idx < (ulong)_size) return _window[idx];
        return idx < 0 ? _outside.QtyAtKey(ToKey(priceTicks)) : 0;
    }

    /// <summary>
    /// Sets the absolute quantity at a price; 0 removes the level (removing an absent level is a no-op).
    /// Returns the quantity that was there before.
    /// </summary>
    public long Set(long priceTicks, long qtyLots)
    {
        long key = ToKey(priceTicks);
        if (_bestIdx < 0)
        {
            if (qtyLots <= 0) return 0;
            _baseKey = key - (_size >> 1); // the first level of an empty side centres the window
        }
        long idx = key - _baseKey;
        if ((ulong)idx < (ulong)_size)
        {
            int i = (int)idx;
            ref long slot = ref _window[i];
            long prev = slot;
            if (qtyLots > 0)
            {
                slot = qtyLots;
                if (prev == 0)
                {
                    _windowCount++;
                    if (i > _bestIdx) _bestIdx = i;
                    if (i < _lowIdx) _lowIdx = i;
                }
            }
            else if (prev != 0)
            {
                slot = 0;
                _windowCount--;
                if (i == _bestIdx) OnBestRemoved();
            }
            return prev;
        }
        if (idx < 0) return _outside.Set(key, qtyLots);

        // Better than anything the window can hold: a new best level, so the window moves to it.
        if (qtyLots <= 0) return 0;
        Recenter(key);
        int j = (int)(key - _baseKey);
        _window[j] = qtyLots;
        _windowCount++;
        _bestIdx = j;
        if (j < _lowIdx) _lowIdx = j;
        return 0;
    }

    /// <summary>Removes every level.</summary>
    public void Clear()
    {
        if (_bestIdx >= 0) Array.Clear(_window, _lowIdx, _bestIdx - _lowIdx + 1);
        _windowCount = 0;
        _bestIdx = -1;
        _lowIdx = _size;
        _outside.Clear();
    }

    /// <summary>
    /// Copies the levels best first into <paramref name="prices"/> and <paramref name="quantities"/> (as many as fit) and
    /// returns how many were copied.
    /// </summary>
    public int CopyTo(Span<long> prices, Span<long> quantities)
    {
        int n = Math.Min(Count, Math.Min(prices.Length, quantities.Length));
        int k = 0;
        for (int i = _bestIdx; k < n && k < _windowCount; i = NextBelow(i))
        {
            prices[k] = ToPrice(_baseKey + i);
            quantities[k++] = _window[i];
        }
        if (k < n)
        {
            int copied = _outside.CopyFromBest(prices[k..n], quantities[k..n]);
            for (int j = k; j < k + copied; j++) prices[j] = ToPrice(prices[j]);
        }
        return n;
    }

    /// <summary>Sum of quantity over the best <paramref name="levels"/> levels.</summary>
    public long DepthLevels(int levels)
    {
        long sum = 0;
        int left = Math.Min(levels, Count);
        for (int i = _bestIdx; left > 0 && i >= 0; i = NextBelow(i), left--) sum += _window[i];
        return left > 0 ? sum + _outside.SumQty(left) : sum;
    }

    /// <summary>Sum of quantity at prices within <paramref name="ticks"/> ticks of the best price (inclusive).</summary>
    public long DepthWithinTicks(long ticks)
    {
        if (_bestIdx < 0 || ticks < 0) return 0;
        long from = _bestIdx - ticks;
        long sum = 0;
        for (int i = (int)Math.Max(from, _lowIdx); i <= _bestIdx; i++) sum += _window[i];
        if (from < 0)
        {
            long bestKey = _baseKey + _bestIdx;
            sum += _outside.SumQtyDownTo(bestKey >= long.MinValue + ticks ? bestKey - ticks : long.MinValue);
        }
        return sum;
    }

    /// <summary>Sum of price x quantity (in ticks x lots) over the best <paramref name="levels"/> levels.</summary>
    public double NotionalLevels(int levels)
    {
        double sum = 0;
        int left = Math.Min(levels, Count);
        for (int i = _bestIdx; left > 0 && i >= 0; i = NextBelow(i), left--) sum += (double)ToPrice(_baseKey + i) * _window[i];
        if (left > 0)
        {
            double keyTimesQty = _outside.SumKeyTimesQty(left);
            sum += _isBid ? keyTimesQty : -keyTimesQty;
        }
        return sum;
    }

    private long ToKey(long price) => _isBid ? price : -price;

    private long ToPrice(long key) => _isBid ? key : -key;

    // The next non-empty window index below i, or -1.
    private int NextBelow(int i)
    {
        if (i <= _lowIdx) return -1;
        int j = _window.AsSpan(_lowIdx, i - _lowIdx).LastIndexOfAnyExcept(0L);
        return j < 0 ? -1 : _lowIdx + j;
    }

    private void Locate(int level, out long key, out long qty)
    {
        if ((uint)level >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(level), level, "beyond the number of levels");
        if (level < _windowCount)
        {
            int i = _bestIdx;
            for (int k = 0; k < level; k++) i = NextBelow(i);
            key = _baseKey + i;
            qty = _window[i];
            return;
        }
        _outside.GetAt(level - _windowCount, out key, out qty);
    }

    private void OnBestRemoved()
    {
        if (_windowCount == 0)
        {
            _bestIdx = -1;
            _lowIdx = _size;
            if (_outside.Count > 0) Recenter(_outside.BestKey); // the best is now a far level: bring the window to it
            return;
        }
        _bestIdx = NextBelow(_bestIdx);
        if (_bestIdx < (_size >> 3)) Recenter(_baseKey + _bestIdx); // keep room below a falling best
    }

    // Moves the window so that newBestKey (the highest key there is or is about to be) sits in its middle: window levels
    // that fall below the new window go to the far list, far levels that now fit come into the window.
    private void Recenter(long newBestKey)
    {
        long newBase = newBestKey - (_size >> 1);
        long shift = newBase - _baseKey;
        if (_windowCount > 0 && shift != 0)
        {
            if (shift > 0)
            {
                long cut = Math.Min(shift, _bestIdx + 1L);
                for (int i = _lowIdx; i < cut; i++)
                {
                    long q = _window[i];
                    if (q == 0) continue;
                    _outside.Set(_baseKey + i, q); // above every far key: appended at the far list's top
                    _window[i] = 0;
                    _windowCount--;
                }
                if (shift <= _bestIdx)
                {
                    int from = (int)Math.Max(_lowIdx, shift);
                    int length = _bestIdx + 1 - from;
                    int to = (int)(from - shift);
                    Array.Copy(_window, from, _window, to, length);
                    int clearFrom = Math.Max(from, to + length);
                    Array.Clear(_window, clearFrom, _bestIdx + 1 - clearFrom);
                }
            }
            else
            {
                int up = (int)-shift; // newBestKey >= every key, so nothing moves past the top
                int length = _bestIdx + 1 - _lowIdx;
                Array.Copy(_window, _lowIdx, _window, _lowIdx + up, length);
                Array.Clear(_window, _lowIdx, Math.Min(up, length));
            }
        }
        _baseKey = newBase;
        while (_outside.Count > 0 && _outside.BestKey >= newBase)
        {
            _outside.TryPopBest(out long key, out long qty);
            _window[key - newBase] = qty;
            _windowCount++;
        }
        if (_windowCount == 0)
        {
            _bestIdx = -1;
            _lowIdx = _size;
            return;
        }
        var all = _window.AsSpan();
        _bestIdx = all.LastIndexOfAnyExcept(0L);
        _lowIdx = all.IndexOfAnyExcept(0L);
    }
}
