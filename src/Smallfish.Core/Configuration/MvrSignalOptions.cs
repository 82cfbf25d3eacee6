using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// MVR, micro-volatility ratio (microstructure group, default weight 0.06): short-window realized volatility
/// (<c>Microstructure:RvShortWindowMs</c>) over the long-run volatility (the slow baseline of long-window volatility,
/// <c>Microstructure:VolBaselineMs</c>, which a burst does not inflate as it inflates the 60 s window). Expanding volatility
/// is a breakout: follow the momentum's direction. Contracting volatility is chop: no score.
/// </summary>
public sealed class MvrSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.06).</summary>
    public MvrSignalOptions()
    {
        Weight = 0.06;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Mvr;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Micro;

    /// <summary>Volatility ratio above which the market is breaking out (the score grows from 0 here).</summary>
    [Range(1.0, 100.0)]
    public double BreakoutRatio { get; set; } = 2.0;

    /// <summary>Volatility ratio at which the breakout is full (above <see cref="BreakoutRatio"/>).</summary>
    [Range(1.0, 1000.0, MinimumIsExclusive = true)]
    public double FullBreakoutRatio { get; set; } = 3.5;

    /// <summary>Ratio at or below which the market is chopping and the signal is silent.</summary>
    [Range(0.0, 1.0)]
    public double ChopRatio { get; set; } = 0.7;

    /// <summary>Momentum (fast minus slow EMA) in volatility units needed to give the breakout a direction.</summary>
    [Range(0.0, 100.0)]
    public double MinMomentumSigma { get; set; } = 0.3;

    /// <summary>Horizon whose volatility is the unit of momentum, seconds.</summary>
    [Range(0.1, 3600.0)]
    public double VolatilityHorizonSeconds { get; set; } = 5.0;
}
