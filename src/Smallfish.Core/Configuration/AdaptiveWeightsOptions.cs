using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:AdaptiveWeights</c>: per-signal edge tracking. While a signal is active its call (direction, mid)
/// is sampled at most every <see cref="SampleSpacingSeconds"/>; after <see cref="HorizonSeconds"/> the call is a hit when
/// the mid moved its way by more than the cost (<see cref="CostTicks"/>, plus the spread when
/// <see cref="IncludeSpreadInCost"/>). Once a signal has <see cref="MinSamples"/> outcomes, the Wilson lower bound of its
/// hit rate (z = <see cref="WilsonZ"/>) sets a target weight, base weight x (1 + 2 x (lower bound - 0.5)), which the
/// weight approaches at <see cref="LearningRate"/> per outcome; weights are then held within
/// [<see cref="MinWeight"/>, <see cref="MaxWeight"/>] and renormalized to sum to 1 over the enabled signals.
/// </summary>
public sealed class AdaptiveWeightsOptions
{
    /// <summary>Whether weights adapt at run time. When false the configured weights are used as they are.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after a signal's call its outcome (did the mid move its way) is judged, in seconds.</summary>
    [Range(1, 86_400)]
    public int HorizonSeconds { get; set; } = 30;

    /// <summary>
    /// Shortest time between two sampled calls of one signal, in seconds. Equal to the horizon, outcome windows do not
    /// overlap, so the outcomes are close to independent, as the Wilson bound assumes.
    /// </summary>
    [Range(0.001, 86_400.0)]
    public double SampleSpacingSeconds { get; set; } = 30;

    /// <summary>Calls awaiting their outcome per signal and symbol (fixed ring; a call is dropped when it is full).</summary>
    [Range(1, 100_000)]
    public int PendingCapacity { get; set; } = 64;

    /// <summary>Fixed cost a call must beat to count as a hit, in ticks (fees and slippage).</summary>
    [Range(0.0, 1_000_000.0)]
    public double CostTicks { get; set; } = 1.0;

    /// <summary>Whether the spread at the call is added to <see cref="CostTicks"/> (crossing it in and out costs half each way).</summary>
    public bool IncludeSpreadInCost { get; set; } = true;

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

    /// <summary>Step in (0, 1] towards the target weight per outcome.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double LearningRate { get; set; } = 0.05;
}
