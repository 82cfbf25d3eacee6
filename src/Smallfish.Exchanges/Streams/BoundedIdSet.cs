namespace Smallfish.Exchanges.Streams;

/// <summary>Remembers the last <c>capacity</c> ids (first in, first out) to drop repeats.</summary>
internal sealed class BoundedIdSet
{
    private readonly HashSet<string> _set;
    private readonly Queue<string> _order;
    private readonly int _capacity;

    public BoundedIdSet(int capacity)
    {
        _capacity = Math.Max(1, capacity);
        _set = new HashSet<string>(_capacity, StringComparer.Ordinal);
        _order = new Queue<string>(_capacity);
    }

    /// <summary>Adds <paramref name="id"/>; false when it was already present.</summary>
    public bool Add(string id)
    {
        if (!_set.Add(id)) return false;
        _order.Enqueue(id);
        if (_order.Count > _capacity) _set.Remove(_order.Dequeue());
        return true;
    }
}
