namespace Smallfish.Exchanges.Streams;

/// <summary>A map of the last <c>capacity</c> keys (first in, first out): exchange order id to client order id.</summary>
internal sealed class BoundedIdMap
{
    private readonly Dictionary<string, string> _map;
    private readonly Queue<string> _order;
    private readonly int _capacity;

    public BoundedIdMap(int capacity)
    {
        _capacity = Math.Max(1, capacity);
        _map = new Dictionary<string, string>(_capacity, StringComparer.Ordinal);
        _order = new Queue<string>(_capacity);
    }

    public void Set(string key, string value)
    {
        if (key.Length == 0 || value.Length == 0) return;
        if (_map.TryAdd(key, value))
        {
            _order.Enqueue(key);
            if (_order.Count > _capacity) _map.Remove(_order.Dequeue());
        }
        else
        {
            _map[key] = value;
        }
    }

    public bool TryGet(string key, out string value) => _map.TryGetValue(key, out value!);
}
