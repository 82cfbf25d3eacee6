using Smallfish.Core.Configuration;

namespace Smallfish.Core.Signals;

/// <summary>
/// How the current volatility regime adapts the scorers: every activation threshold is multiplied by
/// <see cref="ThresholdScale"/> (raised in high and extreme volatility, where ordinary noise is larger) and the
/// momentum-following scores (UMOM, MVR, SWEEP, REGIME) by <see cref="MomentumDamping"/> (below 1 in extreme volatility,
/// where moves overshoot and reverse). Neutral in low and normal volatility.
/// </summary>
/// <param name="Regime">The regime.</param>
/// <param name="ThresholdScale">Factor (&gt;= 1) on activation thresholds.</param>
/// <param name="MomentumDamping">Factor in [0, 1] on momentum-following scores.</param>
public readonly record struct RegimeContext(VolatilityRegime Regime, double ThresholdScale, double MomentumDamping)
{
    /// <summary>No adaptation (normal regime).</summary>
    public static RegimeContext Neutral => new(VolatilityRegime.Normal, 1.0, 1.0);

    /// <summary>The adaptation for <paramref name="regime"/> under <paramref name="options"/>.</summary>
    public static RegimeContext For(VolatilityRegime regime, RegimeSignalOptions options) => regime switch
    {
        VolatilityRegime.High => new RegimeContext(regime, options.HighThresholdScale, 1.0),
        VolatilityRegime.Extreme => new RegimeContext(regime, options.ExtremeThresholdScale, options.ExtremeMomentumDamping),
        _ => new RegimeContext(regime, 1.0, 1.0),
    };
}
