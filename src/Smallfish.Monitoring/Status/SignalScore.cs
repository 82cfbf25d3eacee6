using Smallfish.Core.Signals;

namespace Smallfish.Monitoring.Status;

/// <summary>One signal's latest score.</summary>
public sealed record SignalScore
{
    /// <summary>Which signal; written as its short name (<c>"OBI"</c>).</summary>
    public SignalId Name { get; init; }

    /// <summary>Direction-signed score, -1..1.</summary>
    public double Score { get; init; }

    /// <summary>True when the signal was above its activation threshold.</summary>
    public bool Active { get; init; }

    /// <summary>Weight the fusion gave it (after adaptation).</summary>
    public double Weight { get; init; }
}
