namespace Smallfish.Simulation.Venue.Scheduling;

/// <summary>
/// A priority queue of items keyed by <see cref="EventKey"/> (time, then sequence), so items due at the same time
/// leave in the order they were scheduled. Items are stored by value; no allocation once the queue has grown to its
/// working size.
/// </summary>
public sealed class TimedQueue<T>
{
    private readonly PriorityQueue<T, EventKey> _queue;

    /// <summary>Creates an empty queue.</summary>
    public TimedQueue(int initialCapacity = 64) => _queue = new PriorityQueue<T, EventKey>(initialCapacity);

    /// <summary>Number of items waiting.</summary>
    public int Count => _queue.Count;

    /// <summary>Adds an item due at <paramref name="key"/>.</summary>
    public void Enqueue(EventKey key, T item) => _queue.Enqueue(item, key);

    /// <summary>The key of the first item, if any.</summary>
    public bool TryPeekKey(out EventKey key) => _queue.TryPeek(out _, out key);

    /// <summary>Removes and returns the first item.</summary>
    public T Dequeue() => _queue.Dequeue();

    /// <summary>Removes every item.</summary>
    public void Clear() => _queue.Clear();
}
