namespace Smallfish.Core.Grid;

/// <summary>
/// The grid's orders by client id: the live ones in sending order, and the finished ones for a while (a fill or a
/// late report may still arrive for them). Finished orders leave the live list only at <see cref="Compact"/>, so that
/// a report arriving while the grid walks the list cannot disturb the walk.
/// </summary>
internal sealed class GridOrderSet
{
    private const int FinishedMemory = 4096;
    private readonly List<GridOrder> _live = new();
    private readonly Dictionary<string, GridOrder> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _finished = new();

    /// <summary>Orders in sending order; may still hold finished ones until <see cref="Compact"/> (check IsTerminal).</summary>
    public List<GridOrder> Live => _live;

    public void Add(GridOrder order)
    {
        _live.Add(order);
        _byId.Add(order.Id, order);
    }

    public bool TryGet(string clientOrderId, out GridOrder order) => _byId.TryGetValue(clientOrderId, out order!);

    /// <summary>Remembers that <paramref name="order"/> finished (already marked terminal).</summary>
    public void Finished(GridOrder order)
    {
        _finished.Enqueue(order.Id);
        while (_finished.Count > FinishedMemory) _byId.Remove(_finished.Dequeue());
    }

    /// <summary>Drops finished orders from the live list.</summary>
    public void Compact()
    {
        int kept = 0;
        for (int i = 0; i < _live.Count; i++)
        {
            var o = _live[i];
            if (!o.IsTerminal) _live[kept++] = o;
        }
        if (kept < _live.Count) _live.RemoveRange(kept, _live.Count - kept);
    }
}
