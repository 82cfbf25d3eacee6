using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Risk:Stop</c>: where the protective stop goes, which also fixes 1R. The stop distance is the
/// largest of <see cref="MinTicks"/>, <see cref="MinBps"/> of the mid, and <see cref="VolatilityMultiple"/> x the short
/// realized volatility scaled to <see cref="VolatilityHorizonSeconds"/>; then capped at <see cref="MaxBps"/> of the mid
/// (never below <see cref="MinTicks"/>). The take-profit sits <see cref="RiskOptions.RewardRisk"/> stop distances away.
/// </summary>
public sealed class StopPlacementOptions
{
    /// <summary>Smallest stop distance, in ticks.</summary>
    [Range(1, 1_000_000)]
    public int MinTicks { get; set; } = 10;

    /// <summary>Smallest stop distance as basis points of the mid (0 = no floor in bps).</summary>
    [Range(0.0, 10_000.0)]
    public double MinBps { get; set; } = 8.0;

    /// <summary>Largest stop distance as basis points of the mid (the volatility term is cut there).</summary>
    [Range(0.0, 10_000.0, MinimumIsExclusive = true)]
    public double MaxBps { get; set; } = 50.0;

    /// <summary>k in k x short realized volatility (0 = the volatility term is off).</summary>
    [Range(0.0, 100.0)]
    public double VolatilityMultiple { get; set; } = 2.0;

    /// <summary>
    /// Holding horizon the volatility is scaled to, in seconds: the short realized volatility (bps per square-root
    /// second) times the square root of this.
    /// </summary>
    [Range(1, 86_400)]
    public int VolatilityHorizonSeconds { get; set; } = 30;
}
