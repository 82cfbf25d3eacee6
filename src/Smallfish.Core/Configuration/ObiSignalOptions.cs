using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// OBI, order book imbalance (core group, default weight 0.22): the bid/ask depth imbalance over the best
/// <c>Microstructure:ObiLevels</c> levels, its rate of change and the micro-price pressure, each smoothed over
/// <see cref="SmoothingMs"/> and blended. Positive = more bids (buy).
/// </summary>
public sealed class ObiSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.22) and activation threshold.</summary>
    public ObiSignalOptions()
    {
        Weight = 0.22;
        ActivationThreshold = 0.55;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Obi;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Core;

    /// <summary>Smoothed imbalance, (bid - ask) / (bid + ask) depth in (0, 1], at which the imbalance part reaches full strength.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double FullImbalance { get; set; } = 1.0;

    /// <summary>Smoothed rate of change of the imbalance, per second, at which the rate part reaches full strength.</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double FullRatePerSecond { get; set; } = 1.0;

    /// <summary>Share in [0, 1] of the score taken from the imbalance's rate of change.</summary>
    [Range(0.0, 1.0)]
    public double RateOfChangeWeight { get; set; } = 0.05;

    /// <summary>Share in [0, 1] of the score taken from micro-price pressure. With <see cref="RateOfChangeWeight"/> at most 1; the rest is the imbalance.</summary>
    [Range(0.0, 1.0)]
    public double MicroPriceWeight { get; set; } = 0.05;

    /// <summary>Time constant of the exponential smoothing applied to the three parts, ms (0 = none): a wall must stand, not flicker.</summary>
    [Range(0, 600_000)]
    public int SmoothingMs { get; set; } = 1500;
}
