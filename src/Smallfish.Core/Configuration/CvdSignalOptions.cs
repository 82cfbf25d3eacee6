using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// CVD, cumulative volume delta (microstructure group, default weight 0.07): flow confirmation from the aggressor volume
/// delta of the short flow window (<c>Microstructure:FlowShortWindowMs</c>) and its acceleration, plus price/CVD
/// divergence (<c>Microstructure:DivergenceWindowMs</c>: net buying while the price fell is bullish). Heavy-tailed trade
/// sizes make a few prints look like one-sided flow, so the flow only counts while trading is busier than usual
/// (<see cref="MinIntensityRatio"/>).
/// </summary>
public sealed class CvdSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.07).</summary>
    public CvdSignalOptions()
    {
        Weight = 0.07;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Cvd;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Micro;

    /// <summary>Net flow (CVD over volume of the short window, in (0, 1]) at which the flow part is full.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double FullFlow { get; set; } = 0.6;

    /// <summary>Share in [0, 1] of the score taken from the CVD acceleration.</summary>
    [Range(0.0, 1.0)]
    public double AccelerationWeight { get; set; } = 0.25;

    /// <summary>Share in [0, 1] of the score taken from price/CVD divergence. With <see cref="AccelerationWeight"/> at most 1; the rest is the flow.</summary>
    [Range(0.0, 1.0)]
    public double DivergenceWeight { get; set; } = 0.25;

    /// <summary>Divergence strength in (0, 1] at which the divergence part is full.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double FullDivergence { get; set; } = 0.5;

    /// <summary>
    /// Trade intensity (short-window trades per second over the long-window pace) from which the flow and acceleration
    /// parts count in full; below it they scale down linearly from an intensity of 1 (0 = always in full).
    /// </summary>
    [Range(0.0, 100.0)]
    public double MinIntensityRatio { get; set; } = 2.0;
}
