namespace Smallfish.Monitoring.Status;

/// <summary>What the heartbeat knows about the engine loop and the feed.</summary>
public sealed record HeartbeatInfo
{
    /// <summary>True while the engine loop keeps taking events within its watchdog interval.</summary>
    public bool EngineAlive { get; init; }

    /// <summary>Time since the engine last processed an event, milliseconds.</summary>
    public double LastEventAgeMs { get; init; }

    /// <summary>True when market data stopped arriving for longer than the staleness limit (trading halts).</summary>
    public bool FeedStale { get; init; }
}
