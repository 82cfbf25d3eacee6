namespace Smallfish.Emulator.Venue;

/// <summary>
/// Every order the emulated exchange accepted, by key, numeric id and venue id, in creation order, plus the fills and
/// how many create requests each client id received (a retried placement must never make a second order).
/// </summary>
internal sealed class OrderRegistry
{
    private const int MaxExecutions = 100_000;
    private readonly Dictionary<string, EmulatedOrder> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<long, EmulatedOrder> _byId = new();
    private readonly Dictionary<string, EmulatedOrder> _byVenueId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _creates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _duplicates = new(StringComparer.Ordinal);
    private readonly List<EmulatedOrder> _all = new();
    private readonly List<ExecutionRecord> _executions = new();
    private long _nextId = 1_000_000;

    public IReadOnlyList<EmulatedOrder> All => _all;

    public IReadOnlyList<ExecutionRecord> Executions => _executions;

    public long NextId() => ++_nextId;

    public void Add(EmulatedOrder order)
    {
        _byKey.Add(order.Key, order);
        _byId.Add(order.Id, order);
        if (order.VenueId is not null) _byVenueId[order.VenueId] = order;
        _all.Add(order);
    }

    public void MapVenueId(EmulatedOrder order, string venueId) => _byVenueId[venueId] = order;

    public void MapActualId(EmulatedOrder order) => _byId[order.ActualOrderId] = order;

    public bool TryGet(string key, out EmulatedOrder order) => _byKey.TryGetValue(key, out order!);

    public bool TryGet(long id, out EmulatedOrder order) => _byId.TryGetValue(id, out order!);

    public bool TryGetByVenueId(string venueId, out EmulatedOrder order) => _byVenueId.TryGetValue(venueId, out order!);

    public bool Contains(string key) => _byKey.ContainsKey(key);

    public void CountCreate(string clientOrderId)
    {
        _creates.TryGetValue(clientOrderId, out int n);
        _creates[clientOrderId] = n + 1;
    }

    public void CountDuplicate(string clientOrderId)
    {
        _duplicates.TryGetValue(clientOrderId, out int n);
        _duplicates[clientOrderId] = n + 1;
    }

    public int Duplicates(string clientOrderId) => _duplicates.TryGetValue(clientOrderId, out int n) ? n : 0;

    public int Creates(string clientOrderId) => _creates.TryGetValue(clientOrderId, out int n) ? n : 0;

    public void AddExecution(ExecutionRecord record)
    {
        if (_executions.Count >= MaxExecutions) _executions.RemoveRange(0, MaxExecutions / 10);
        _executions.Add(record);
    }
}
