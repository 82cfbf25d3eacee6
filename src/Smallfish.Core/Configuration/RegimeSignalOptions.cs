using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// REGIME, volatility regime (meta group, default weight 0.02): classifies volatility against its slow baseline as low,
/// normal, high or extreme and adapts the other signals to it (thresholds raised in high and extreme volatility,
/// momentum damped in extreme). Its own score follows the momentum's direction while volatility expands.
/// Volatility here is the short-window realized volatility, smoothed over <see cref="SmoothingSeconds"/>, over the
/// slow baseline (<c>Microstructure:VolBaselineMs</c>); 1 = usual.
/// </summary>
public sealed class RegimeSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.02).</summary>
    public RegimeSignalOptions()
    {
        Weight = 0.02;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Regime;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Meta;

    /// <summary>Time constant over which the short-window variance is averaged before it is compared with the baseline, seconds.</summary>
    [Range(0.1, 3600.0)]
    public double SmoothingSeconds { get; set; } = 10.0;

    /// <summary>Volatility over baseline below which the regime is low.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double LowRatio { get; set; } = 0.38;

    /// <summary>Volatility over baseline from which the regime is high.</summary>
    [Range(1.0, 1000.0, MinimumIsExclusive = true)]
    public double HighRatio { get; set; } = 2.0;

    /// <summary>Volatility over baseline from which the regime is extreme (above <see cref="HighRatio"/>).</summary>
    [Range(1.0, 1000.0, MinimumIsExclusive = true)]
    public double ExtremeRatio { get; set; } = 4.0;

    /// <summary>Relative band in [0, 0.5] by which the ratio must come back inside a boundary before the regime changes back.</summary>
    [Range(0.0, 0.5)]
    public double Hysteresis { get; set; } = 0.05;

    /// <summary>
    /// Horizon whose volatility is the unit of the momentum that gives the regime score its direction, seconds (the
    /// score is the volatility expansion times the momentum in these units, capped at 1).
    /// </summary>
    [Range(0.1, 3600.0)]
    public double MomentumHorizonSeconds { get; set; } = 5.0;

    /// <summary>Factor (&gt;= 1) on every signal's activation threshold while the regime is high.</summary>
    [Range(1.0, 10.0)]
    public double HighThresholdScale { get; set; } = 1.1;

    /// <summary>Factor (&gt;= 1) on every signal's activation threshold while the regime is extreme.</summary>
    [Range(1.0, 10.0)]
    public double ExtremeThresholdScale { get; set; } = 1.5;

    /// <summary>Factor in [0, 1] on the momentum-following scores (UMOM, MVR, SWEEP, REGIME) while the regime is extreme.</summary>
    [Range(0.0, 1.0)]
    public double ExtremeMomentumDamping { get; set; } = 0.5;
}
