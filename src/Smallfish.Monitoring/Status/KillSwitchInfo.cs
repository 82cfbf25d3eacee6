namespace Smallfish.Monitoring.Status;

/// <summary>State of the kill switch.</summary>
public sealed record KillSwitchInfo
{
    /// <summary>True while new entries are blocked.</summary>
    public bool Tripped { get; init; }

    /// <summary>Why it tripped (<see cref="KillSwitchCause.None"/> when not tripped).</summary>
    public KillSwitchCause Reason { get; init; }

    /// <summary>When it tripped, ns since the Unix epoch (0 when not tripped).</summary>
    public long SinceNs { get; init; }
}
