using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// LIQ, liquidity thinness (microstructure group, default weight 0.06): the near-touch depth asymmetry (over the
/// <c>Microstructure:ObiLevels</c> best levels, where thinning shows first), smoothed over <see cref="SmoothingMs"/> and
/// pointed toward the thin side (thin asks = buy: price moves easily that way), counted only while the wider band
/// (<c>Microstructure:LiqDepthLevels</c>) is not thicker than its rolling average (<c>Microstructure:LiqAverageMs</c>):
/// a side that is heavy because a wall is being built is OBI's business, a side that is light because liquidity left is
/// LIQ's.
/// </summary>
public sealed class LiqSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.06) and activation threshold.</summary>
    public LiqSignalOptions()
    {
        Weight = 0.06;
        ActivationThreshold = 0.55;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Liq;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Micro;

    /// <summary>Time constant of the exponential smoothing of the asymmetry and the thinness, ms (0 = none).</summary>
    [Range(0, 600_000)]
    public int SmoothingMs { get; set; } = 2000;

    /// <summary>Smoothed near-touch asymmetry, (bid - ask) / (bid + ask) depth in (0, 1], at which the score is full.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double FullAsymmetry { get; set; } = 1.0;

    /// <summary>Smoothed thinness (average depth over current depth; 1 = usual, below 1 = thicker) at or below which the signal is silent.</summary>
    [Range(0.0, 1.0)]
    public double ThickRatio { get; set; } = 0.5;

    /// <summary>Smoothed thinness from which the asymmetry counts in full (between <see cref="ThickRatio"/> and it, in part).</summary>
    [Range(0.0, 1000.0, MinimumIsExclusive = true)]
    public double UsualRatio { get; set; } = 0.7;
}
