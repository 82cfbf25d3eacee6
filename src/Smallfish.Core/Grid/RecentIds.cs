namespace Smallfish.Core.Grid;

/// <summary>The last <c>capacity</c> distinct ids seen (execution ids, to ignore a fill reported twice).</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Adds <paramref name="id"/>; false when it was seen recently.</summary>
    public bool Add(string id)
    {
        if (!_set.Add(id)) return false;
        _order.Enqueue(id);
        if (_order.Count > capacity) _set.Remove(_order.Dequeue());
        return true;
    }
}
