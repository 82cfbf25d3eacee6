namespace Smallfish.Monitoring.Status;

/// <summary>Why the service is unhealthy (or <see cref="None"/>).</summary>
public enum HealthReason
{
    /// <summary>Healthy.</summary>
    None = 0,

    /// <summary>The engine loop stopped taking events.</summary>
    EngineStalled,

    /// <summary>Market data stopped arriving.</summary>
    FeedStale,

    /// <summary>The service has not published a snapshot yet.</summary>
    NoSnapshot,

    /// <summary>Reading the snapshot failed.</summary>
    SourceFailed,
}
