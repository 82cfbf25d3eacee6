using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>OBI, order book imbalance (core group, default weight 0.22): bid/ask depth imbalance over the top levels, its rate of change and micro-price pressure.</summary>
public sealed class ObiSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.22).</summary>
    public ObiSignalOptions()
    {
        Weight = 0.22;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Obi;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Core;

    /// <summary>Number of price levels per side summed into the imbalance.</summary>
    [Range(1, 200)]
    public int Levels { get; set; } = 5;

    /// <summary>Window over which the imbalance's rate of change is measured, in milliseconds.</summary>
    [Range(1, 600_000)]
    public int RateOfChangeWindowMs { get; set; } = 1000;

    /// <summary>Share in [0, 1] of the score taken from micro-price pressure (the rest from the imbalance).</summary>
    [Range(0.0, 1.0)]
    public double MicroPriceWeight { get; set; } = 0.3;
}
