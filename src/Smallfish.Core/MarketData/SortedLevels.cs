namespace Smallfish.Core.MarketData;

/// <summary>
/// Price levels kept sorted by key (ascending, best = highest key last) in small blocks of at most 64 levels with a
/// directory of blocks: a change moves at most one block and a lookup is two short binary searches. Used by
/// <see cref="BookSide"/> for the levels outside its tick-indexed window. Allocates only when it grows beyond its
/// largest size so far.
/// </summary>
internal sealed class SortedLevels
{
    private const int BlockSize = 64;
    private const int MergeBelow = BlockSize / 4;

    private Entry[] _entries;   // block b holds _entries[b * BlockSize .. b * BlockSize + _counts[b])
    private int[] _counts;      // levels in each block
    private int[] _order;       // block ids in ascending key order, first _blocks valid
    private long[] _maxKey;     // last (highest) key of the block at each directory position
    private int[] _free;        // unused block ids
    private int _freeCount;
    private int _blocks;
    private int _count;

    public SortedLevels(int initialCapacity)
    {
        int blocks = Math.Max(4, (Math.Max(16, initialCapacity) * 2 / BlockSize) + 1);
        _entries = new Entry[blocks * BlockSize];
        _counts = new int[blocks];
        _order = new int[blocks];
        _maxKey = new long[blocks];
        _free = new int[blocks];
        for (int b = blocks - 1; b >= 0; b--) _free[_freeCount++] = b;
    }

    /// <summary>Number of levels.</summary>
    public int Count => _count;

    /// <summary>The highest key (the best level); only when <see cref="Count"/> &gt; 0.</summary>
    public long BestKey => _maxKey[_blocks - 1];

    /// <summary>Quantity at <paramref name="key"/>, 0 when absent.</summary>
    public long QtyAtKey(long key)
    {
        if (_count == 0) return 0;
        int p = FindBlock(key);
        int b = _order[p];
        int i = FindInBlock(b, key);
        return i >= 0 ? _entries[(b * BlockSize) + i].Qty : 0;
    }

    /// <summary>Sets the absolute quantity at a key (0 removes; removing an absent key is a no-op); returns the previous.</summary>
    public long Set(long key, long qty)
    {
        if (_count == 0)
        {
            if (qty <= 0) return 0;
            int nb = TakeBlock();
            InsertDirectory(0, nb);
            _entries[nb * BlockSize] = new Entry(key, qty);
            _counts[nb] = 1;
            _maxKey[0] = key;
            _count = 1;
            return 0;
        }
        int p = FindBlock(key);
        int b = _order[p];
        int i = FindInBlock(b, key);
        if (i >= 0)
        {
            ref Entry e = ref _entries[(b * BlockSize) + i];
            long prev = e.Qty;
            if (qty > 0) e.Qty = qty;
            else RemoveAt(p, b, i);
            return prev;
        }
        if (qty > 0) InsertAt(p, b, ~i, key, qty);
        return 0;
    }

    /// <summary>Removes and returns the best level; false when empty.</summary>
    public bool TryPopBest(out long key, out long qty)
    {
        if (_count == 0)
        {
            key = qty = 0;
            return false;
        }
        int p = _blocks - 1, b = _order[p], i = _counts[b] - 1;
        key = _entries[(b * BlockSize) + i].Key;
        qty = _entries[(b * BlockSize) + i].Qty;
        RemoveAt(p, b, i);
        return true;
    }

    /// <summary>Removes every level.</summary>
    public void Clear()
    {
        for (int p = 0; p < _blocks; p++) _free[_freeCount++] = _order[p];
        _blocks = 0;
        _count = 0;
    }

    /// <summary>The level <paramref name="rank"/> away from the best (0 = best).</summary>
    public void GetAt(int rank, out long key, out long qty)
    {
        ref Entry e = ref EntryAt(rank);
        key = e.Key;
        qty = e.Qty;
    }

    /// <summary>Copies levels best first (as many as fit) and returns how many were copied.</summary>
    public int CopyFromBest(Span<long> keys, Span<long> quantities)
    {
        int n = Math.Min(_count, Math.Min(keys.Length, quantities.Length));
        int k = 0;
        for (int p = _blocks - 1; p >= 0 && k < n; p--)
        {
            int b = _order[p], start = b * BlockSize;
            for (int j = _counts[b] - 1; j >= 0 && k < n; j--, k++)
            {
                keys[k] = _entries[start + j].Key;
                quantities[k] = _entries[start + j].Qty;
            }
        }
        return n;
    }

    /// <summary>Sum of quantity over the best <paramref name="levels"/> levels.</summary>
    public long SumQty(int levels)
    {
        long sum = 0;
        int left = Math.Min(levels, _count);
        for (int p = _blocks - 1; p >= 0 && left > 0; p--)
        {
            int b = _order[p], start = b * BlockSize;
            for (int j = _counts[b] - 1; j >= 0 && left > 0; j--, left--) sum += _entries[start + j].Qty;
        }
        return sum;
    }

    /// <summary>Sum of quantity at keys at or above <paramref name="limitKey"/>.</summary>
    public long SumQtyDownTo(long limitKey)
    {
        long sum = 0;
        for (int p = _blocks - 1; p >= 0; p--)
        {
            int b = _order[p], start = b * BlockSize;
            for (int j = _counts[b] - 1; j >= 0; j--)
            {
                if (_entries[start + j].Key < limitKey) return sum;
                sum += _entries[start + j].Qty;
            }
        }
        return sum;
    }

    /// <summary>Sum of key x quantity over the best <paramref name="levels"/> levels.</summary>
    public double SumKeyTimesQty(int levels)
    {
        double sum = 0;
        int left = Math.Min(levels, _count);
        for (int p = _blocks - 1; p >= 0 && left > 0; p--)
        {
            int b = _order[p], start = b * BlockSize;
            for (int j = _counts[b] - 1; j >= 0 && left > 0; j--, left--) sum += (double)_entries[start + j].Key * _entries[start + j].Qty;
        }
        return sum;
    }

    private ref Entry EntryAt(int level)
    {
        if ((uint)level >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(level), level, "beyond the number of levels");
        for (int p = _blocks - 1; ; p--)
        {
            int b = _order[p];
            int c = _counts[b];
            if (level < c) return ref _entries[(b * BlockSize) + c - 1 - level];
            level -= c;
        }
    }

    // Directory position of the block that holds key or where it belongs: the first block whose last key is >= key,
    // or the last block when key is above every level. Most changes are near the best level, so that is tried first.
    private int FindBlock(long key)
    {
        int last = _blocks - 1;
        if (last == 0 || key > _maxKey[last - 1]) return last;
        int lo = 0, hi = last - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_maxKey[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    // Index of key in block b, or the bitwise complement of its insertion point.
    private int FindInBlock(int b, long key)
    {
        int start = b * BlockSize;
        int lo = 0, hi = _counts[b] - 1;
        if (_entries[start + hi].Key <= key) return _entries[start + hi].Key == key ? hi : ~(hi + 1);
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            long k = _entries[start + mid].Key;
            if (k == key) return mid;
            if (k < key) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }

    private void InsertAt(int p, int b, int i, long key, long qty)
    {
        int c = _counts[b];
        if (c == BlockSize)
        {
            int nb = TakeBlock();
            if (i == c && p == _blocks - 1)
            {
                // A new best level (or a snapshot loaded worst first) opens a new block instead of splitting a full one.
                InsertDirectory(p + 1, nb);
                _entries[nb * BlockSize] = new Entry(key, qty);
                _counts[nb] = 1;
                _maxKey[p + 1] = key;
                _count++;
                return;
            }
            const int half = BlockSize / 2;
            Array.Copy(_entries, (b * BlockSize) + half, _entries, nb * BlockSize, BlockSize - half);
            _counts[b] = half;
            _counts[nb] = BlockSize - half;
            InsertDirectory(p + 1, nb);
            _maxKey[p] = _entries[(b * BlockSize) + half - 1].Key;
            _maxKey[p + 1] = _entries[(nb * BlockSize) + BlockSize - half - 1].Key;
            if (i > half)
            {
                b = nb;
                i -= half;
                p++;
            }
            c = _counts[b];
        }
        int start = b * BlockSize;
        if (i < c) Array.Copy(_entries, start + i, _entries, start + i + 1, c - i);
        _entries[start + i] = new Entry(key, qty);
        _counts[b] = c + 1;
        if (i == c) _maxKey[p] = key;
        _count++;
    }

    private void RemoveAt(int p, int b, int i)
    {
        int start = b * BlockSize;
        int c = _counts[b] - 1;
        if (i < c) Array.Copy(_entries, start + i + 1, _entries, start + i, c - i);
        _counts[b] = c;
        _count--;
        if (c == 0)
        {
            RemoveDirectory(p);
            _free[_freeCount++] = b;
            return;
        }
        if (i == c) _maxKey[p] = _entries[start + c - 1].Key;
        if (c < MergeBelow) TryMerge(p);
    }

    // Folds a block that has become small into a neighbour when the two fit comfortably in one block.
    private void TryMerge(int p)
    {
        int left;
        if (p + 1 < _blocks && _counts[_order[p]] + _counts[_order[p + 1]] <= BlockSize * 3 / 4) left = p;
        else if (p > 0 && _counts[_order[p - 1]] + _counts[_order[p]] <= BlockSize * 3 / 4) left = p - 1;
        else return;
        int a = _order[left], r = _order[left + 1];
        Array.Copy(_entries, r * BlockSize, _entries, (a * BlockSize) + _counts[a], _counts[r]);
        _counts[a] += _counts[r];
        _maxKey[left] = _maxKey[left + 1];
        RemoveDirectory(left + 1);
        _free[_freeCount++] = r;
    }

    private int TakeBlock()
    {
        if (_freeCount == 0) Grow();
        int b = _free[--_freeCount];
        _counts[b] = 0;
        return b;
    }

    private void Grow()
    {
        int old = _counts.Length, size = old * 2;
        Array.Resize(ref _entries, size * BlockSize);
        Array.Resize(ref _counts, size);
        Array.Resize(ref _order, size);
        Array.Resize(ref _maxKey, size);
        Array.Resize(ref _free, size);
        for (int b = size - 1; b >= old; b--) _free[_freeCount++] = b;
    }

    private void InsertDirectory(int p, int block)
    {
        int move = _blocks - p;
        if (move > 0)
        {
            Array.Copy(_order, p, _order, p + 1, move);
            Array.Copy(_maxKey, p, _maxKey, p + 1, move);
        }
        _order[p] = block;
        _blocks++;
    }

    private void RemoveDirectory(int p)
    {
        int move = _blocks - p - 1;
        if (move > 0)
        {
            Array.Copy(_order, p + 1, _order, p, move);
            Array.Copy(_maxKey, p + 1, _maxKey, p, move);
        }
        _blocks--;
    }

    private struct Entry(long key, long qty)
    {
        public long Key = key;
        public long Qty = qty;
    }
}
