using System.Collections.Concurrent;

namespace Smallfish.Emulator.Sockets;

/// <summary>The live WebSocket connections, for drop faults and shutdown.</summary>
internal sealed class ConnectionSet
{
    private readonly ConcurrentDictionary<int, WsConnection> _live = new();
    private int _nextId;

    public int NextId() => Interlocked.Increment(ref _nextId);

    public int Count => _live.Count;

    public void Add(WsConnection connection) => _live[connection.Id] = connection;

    public void Remove(WsConnection connection) => _live.TryRemove(connection.Id, out _);

    /// <summary>Aborts every live connection of the given protocols and kind; returns how many.</summary>
    public int Drop(EmulatorSurfaces surfaces, EmulatorStreamKind kind)
    {
        int n = 0;
        foreach (var c in _live.Values)
        {
            if ((c.Surface & surfaces) == 0) continue;
            if (kind != EmulatorStreamKind.All && c.Kind != kind) continue;
            c.Abort();
            n++;
        }
        return n;
    }

    /// <summary>Every live connection holds its frames from now on.</summary>
    public void Hold()
    {
        foreach (var c in _live.Values) c.Hold();
    }

    /// <summary>Sends what the connections of <paramref name="kind"/> held (oldest connection first); returns how many frames.</summary>
    public int Release(EmulatorStreamKind kind, bool keepHolding)
    {
        int n = 0;
        foreach (var c in _live.Values.OrderBy(c => c.Id))
        {
            if (kind != EmulatorStreamKind.All && c.Kind != kind) continue;
            n += c.Release(keepHolding);
        }
        return n;
    }

    /// <summary>Frames held back by all connections.</summary>
    public int Held => _live.Values.Sum(c => c.HeldCount);

    public int CountOpen(EmulatorSurfaces surface, EmulatorStreamKind kind) =>
        _live.Values.Count(c => (c.Surface & surface) != 0 && (kind == EmulatorStreamKind.All || c.Kind == kind) && c.IsOpen);
}
