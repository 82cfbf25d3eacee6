using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>REGIME, volatility regime (meta group, default weight 0.02): classifies realized volatility as low, normal, high or extreme and adapts the other signals to it.</summary>
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

    /// <summary>Window of the realized volatility estimate, in seconds.</summary>
    [Range(1, 86_400)]
    public int RealizedVolWindowSeconds { get; set; } = 60;

    /// <summary>Realized volatility, in basis points over the window, below which the regime is low.</summary>
    [Range(0.0, 10_000.0)]
    public double LowVolBps { get; set; } = 3.0;

    /// <summary>Realized volatility, in basis points over the window, above which the regime is high.</summary>
    [Range(0.0, 10_000.0)]
    public double HighVolBps { get; set; } = 10.0;

    /// <summary>Realized volatility, in basis points over the window, above which the regime is extreme.</summary>
    [Range(0.0, 10_000.0)]
    public double ExtremeVolBps { get; set; } = 25.0;
}
