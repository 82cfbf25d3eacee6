namespace Smallfish.Monitoring.Status;

/// <summary>The short JSON body of <c>GET /health</c> (and of a <c>/status</c> that has nothing to show).</summary>
/// <param name="Status">Ok or unhealthy.</param>
/// <param name="Reason">Why it is unhealthy.</param>
/// <param name="LastEventAgeMs">Time since the engine's last event, milliseconds (null without a snapshot).</param>
public sealed record HealthReport(HealthState Status, HealthReason Reason, double? LastEventAgeMs)
{
    /// <summary>
    /// Judges <paramref name="snapshot"/>: healthy when the engine loop is alive and the feed is not stale.
    /// A missing snapshot is unhealthy (<see cref="HealthReason.NoSnapshot"/>).
    /// </summary>
    public static HealthReport From(StatusSnapshot? snapshot)
    {
        if (snapshot is null) return new HealthReport(HealthState.Unhealthy, HealthReason.NoSnapshot, null);
        HeartbeatInfo hb = snapshot.Heartbeat;
        if (!hb.EngineAlive) return new HealthReport(HealthState.Unhealthy, HealthReason.EngineStalled, hb.LastEventAgeMs);
        if (hb.FeedStale) return new HealthReport(HealthState.Unhealthy, HealthReason.FeedStale, hb.LastEventAgeMs);
        return new HealthReport(HealthState.Ok, HealthReason.None, hb.LastEventAgeMs);
    }

    /// <summary>True when <see cref="Status"/> is <see cref="HealthState.Ok"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsHealthy => Status == HealthState.Ok;
}
