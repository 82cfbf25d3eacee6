using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>CVD, cumulative volume delta (microstructure group, default weight 0.07): flow confirmation from the aggressor volume delta, its acceleration, and price/CVD divergence.</summary>
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

    /// <summary>Window over which the volume delta is accumulated and normalized, in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 30;

    /// <summary>Window over which the delta's acceleration is measured, in seconds.</summary>
    [Range(1, 86_400)]
    public int AccelerationWindowSeconds { get; set; } = 5;

    /// <summary>Normalized divergence between price and CVD in [0, 1] from which a divergence is reported.</summary>
    [Range(0.0, 1.0)]
    public double DivergenceThreshold { get; set; } = 0.5;
}
