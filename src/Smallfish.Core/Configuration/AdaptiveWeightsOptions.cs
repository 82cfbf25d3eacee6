using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:AdaptiveWeights</c>: per-signal edge tracking. Each active signal's call is scored after
/// <see cref="HorizonSeconds"/>; once a signal has <see cref="MinSamples"/> outcomes its weight moves towards its
/// Wilson lower-bound hit rate at <see cref="LearningRate"/>, clamped to [<see cref="MinWeight"/>,
/// <see cref="MaxWeight"/>], and the weights are renormalized to sum to 1.
/// </summary>
public sealed class AdaptiveWeightsOptions
{
    /// <summary>Whether weights adapt at run time. When false the configured weights are used as they are.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after a signal's call its outcome (did the mid move its way) is judged, in seconds.</summary>
    [Range(1, 86_400)]
    public int HorizonSeconds { get; set; } = 30;

    /// <summary>Outcomes a signal needs before its weight is adapted.</summary>
    [Range(1, 1_000_000)]
    public int MinSamples { get; set; } = 50;

    /// <summary>z-score of the Wilson lower bound (1.96 = 95 %).</summary>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double WilsonZ { get; set; } = 1.96;

    /// <summary>Lowest weight an enabled signal can adapt down to.</summary>
    [Range(0.0, 1.0)]
    public double MinWeight { get; set; } = 0.01;

    /// <summary>Highest weight a signal can adapt up to.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double MaxWeight { get; set; } = 0.40;

    /// <summary>Step in (0, 1] towards the target weight per update.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double LearningRate { get; set; } = 0.05;
}
