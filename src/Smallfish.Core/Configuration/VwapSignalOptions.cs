using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// VWAP, VWAP deviation (meta group, default weight 0.05): mean reversion toward the rolling VWAP
/// (<c>Microstructure:VwapWindowMs</c>) or the session VWAP. The deviation is measured in volatility units so that one
/// setting fits every symbol; a mid above VWAP scores sell.
/// </summary>
public sealed class VwapSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.05) and activation threshold.</summary>
    public VwapSignalOptions()
    {
        Weight = 0.05;
        ActivationThreshold = 0.6;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Vwap;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Meta;

    /// <summary>Measure from the session VWAP (reset daily) instead of the rolling VWAP.</summary>
    public bool UseSessionVwap { get; set; }

    /// <summary>Horizon whose volatility is the unit of deviation, seconds.</summary>
    [Range(0.1, 86_400.0)]
    public double VolatilityHorizonSeconds { get; set; } = 10.0;

    /// <summary>
    /// Deviation from VWAP up to which the score is 0 (ordinary wandering), in volatility units (baseline bps per
    /// square-root second x the square root of <see cref="VolatilityHorizonSeconds"/>).
    /// </summary>
    [Range(0.0, 1000.0)]
    public double MinDeviationSigma { get; set; } = 2.5;

    /// <summary>Deviation from VWAP at full strength, in volatility units (above <see cref="MinDeviationSigma"/>).</summary>
    [Range(0.01, 1000.0)]
    public double FullDeviationSigma { get; set; } = 5.0;
}
