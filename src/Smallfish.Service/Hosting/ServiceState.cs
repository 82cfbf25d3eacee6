using Smallfish.Core.State;
using Smallfish.Service.Heartbeat;

namespace Smallfish.Service.Hosting;

/// <summary>
/// What the rest of the service reads about the engine: the latest published snapshot and the heartbeat's verdict,
/// both immutable and replaced whole by the heartbeat. <see cref="Updated"/> fires after each heartbeat.
/// </summary>
public sealed class ServiceState
{
    private readonly object _gate = new();
    private readonly Queue<(long TsNs, decimal Equity)> _equity = new();
    private RuntimeSnapshot? _snapshot;
    private HeartbeatCheck _heartbeat = HeartbeatCheck.Initial;
    private volatile bool _ready;

    /// <summary>Equity points kept for the status document.</summary>
    public const int EquityPointsKept = 720;

    /// <summary>Start time of the service, ns since the Unix epoch.</summary>
    public long StartedAtNs { get; init; }

    /// <summary>The latest snapshot the engine published, or null.</summary>
    public RuntimeSnapshot? Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The latest heartbeat verdict.</summary>
    public HeartbeatCheck Heartbeat
    {
        get
        {
            lock (_gate) return _heartbeat;
        }
    }

    /// <summary>True once start-up has finished (READY=1 was sent).</summary>
    public bool Ready
    {
        get => _ready;
        set => _ready = value;
    }

    /// <summary>Raised after each heartbeat, on the heartbeat's thread. Handlers must return quickly and not throw.</summary>
    public event Action<ServiceState>? Updated;

    /// <summary>Recent equity points, oldest first (one per change seen by the heartbeat).</summary>
    public IReadOnlyList<(long TsNs, decimal Equity)> EquityCurve()
    {
        lock (_gate) return _equity.ToArray();
    }

    /// <summary>Replaces the snapshot and the verdict and notifies <see cref="Updated"/>.</summary>
    public void Update(RuntimeSnapshot? snapshot, HeartbeatCheck heartbeat)
    {
        lock (_gate)
        {
            _heartbeat = heartbeat;
            if (snapshot is not null)
            {
                if (_equity.Count == 0 || _equity.Last().Equity != snapshot.Equity)
                {
                    _equity.Enqueue((snapshot.AsOfNs, snapshot.Equity));
                    while (_equity.Count > EquityPointsKept) _equity.Dequeue();
                }

                Volatile.Write(ref _snapshot, snapshot);
            }
        }

        Updated?.Invoke(this);
    }
}
