namespace Smallfish.Monitoring.Status;

/// <summary>Overall health as <c>GET /health</c> reports it.</summary>
public enum HealthState
{
    /// <summary>Engine loop alive and feed fresh (HTTP 200).</summary>
    Ok,

    /// <summary>Something is wrong (HTTP 503); see <see cref="HealthReason"/>.</summary>
    Unhealthy,
}
