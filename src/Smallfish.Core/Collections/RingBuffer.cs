namespace Smallfish.Core.Collections;

/// <summary>
/// A fixed-capacity circular buffer of structs. Adding to a full buffer overwrites the oldest item.
/// Allocates once, at construction. Index 0 is the oldest item, <c>Count - 1</c> the newest.
/// </summary>
public sealed class RingBuffer<T> where T : struct
{
    private readonly T[] _items;
    private int _head; // index of the oldest item
    private int _count;
    private long _totalAdded;

    /// <summary>Creates a buffer that holds at most <paramref name="capacity"/> items.</summary>
    public RingBuffer(int capacity)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be positive");
        _items = new T[capacity];
    }

    /// <summary>Maximum number of items held.</summary>
    public int Capacity => _items.Length;

    /// <summary>Number of items held.</summary>
    public int Count => _count;

    /// <summary>
    /// Number of items ever added (never reset, not even by <see cref="Clear"/>). A reader that remembers this value
    /// can later read exactly the items added since: the newest <c>TotalAdded - remembered</c> items, of which at most
    /// <see cref="Count"/> are still held.
    /// </summary>
    public long TotalAdded => _totalAdded;

    /// <summary>True when <see cref="Count"/> equals <see cref="Capacity"/>.</summary>
    public bool IsFull => _count == _items.Length;

    /// <summary>The item at <paramref name="index"/> (0 = oldest).</summary>
    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            int i = _head + index;
            if (i >= _items.Length) i -= _items.Length;
            return ref _items[i];
        }
    }

    /// <summary>The newest item. Throws when empty.</summary>
    public ref T Newest => ref this[_count - 1];

    /// <summary>The oldest item. Throws when empty.</summary>
    public ref T Oldest => ref this[0];

    /// <summary>Appends an item; when full the oldest is overwritten. Returns true when an item was overwritten.</summary>
    public bool Add(in T item)
    {
        int tail = _head + _count;
        if (tail >= _items.Length) tail -= _items.Length;
        _items[tail] = item;
        _totalAdded++;
        if (_count < _items.Length)
        {
            _count++;
            return false;
        }
        _head = _head + 1 == _items.Length ? 0 : _head + 1;
        return true;
    }

    /// <summary>Removes and returns the oldest item. Throws when empty.</summary>
    public T RemoveOldest()
    {
        if (_count == 0) throw new InvalidOperationException("buffer is empty");
        T item = _items[_head];
        _items[_head] = default;
        _head = _head + 1 == _items.Length ? 0 : _head + 1;
        _count--;
        return item;
    }

    /// <summary>Removes all items.</summary>
    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        _count = 0;
    }
}
