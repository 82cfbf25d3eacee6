using Smallfish.Core.Domain;

namespace Smallfish.Monitoring.Status;

/// <summary>The latest fused view of the signals for one symbol.</summary>
public sealed record FusionStatus
{
    /// <summary>Fused direction: buy, sell, or null for none.</summary>
    public Side? Direction { get; init; }

    /// <summary>Directional confidence, 0..1.</summary>
    public double Confidence { get; init; }

    /// <summary>Signals above their activation threshold.</summary>
    public int ActiveCount { get; init; }

    /// <summary>Active signals agreeing with the direction.</summary>
    public int AgreeingCount { get; init; }

    /// <summary>True when the profile's entry rule was met.</summary>
    public bool WantsEntry { get; init; }

    /// <summary>Decision time of these scores, ns since the Unix epoch (0 = never scored).</summary>
    public long UpdatedAtNs { get; init; }

    /// <summary>Each signal's score, in signal order.</summary>
    public IReadOnlyList<SignalScore> Signals { get; init; } = [];
}
