using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// UMOM, micro-momentum (core group, default weight 0.15): the fast minus slow EMA of the mid
/// (<c>Microstructure:EmaFastMs</c> / <c>EmaSlowMs</c>, 1 s and 5 s) in volatility units, silenced in a dead market
/// (volatility gate) and, when asked, unless the trade flow agrees.
/// </summary>
public sealed class UmomSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.15).</summary>
    public UmomSignalOptions()
    {
        Weight = 0.15;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Umom;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Core;

    /// <summary>
    /// Momentum up to which the score is 0 (ordinary noise), in volatility units: the EMA gap in bps over (baseline
    /// volatility in bps per square-root second x the square root of <see cref="VolatilityHorizonSeconds"/>).
    /// </summary>
    [Range(0.0, 100.0)]
    public double MinMomentumSigma { get; set; } = 1.0;

    /// <summary>Momentum at full strength, in volatility units (above <see cref="MinMomentumSigma"/>).</summary>
    [Range(0.01, 100.0)]
    public double FullMomentumSigma { get; set; } = 3.0;

    /// <summary>Horizon whose volatility is the unit of momentum, seconds.</summary>
    [Range(0.1, 3600.0)]
    public double VolatilityHorizonSeconds { get; set; } = 5.0;

    /// <summary>Volatility gate: short-window volatility over its baseline below which the market is dead and the signal silent (0 = no gate).</summary>
    [Range(0.0, 100.0)]
    public double MinVolatilityRatio { get; set; } = 0.25;

    /// <summary>Whether aggressor trade flow must agree with the momentum's direction.</summary>
    public bool RequireTradeFlowConfirmation { get; set; } = true;

    /// <summary>Net flow (CVD over volume of the short flow window, in [0, 1]) in the momentum's direction that confirms it.</summary>
    [Range(0.0, 1.0)]
    public double MinFlowAgreement { get; set; } = 0.1;
}
