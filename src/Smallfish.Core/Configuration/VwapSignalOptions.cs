using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>VWAP, VWAP deviation (meta group, default weight 0.05): mean reversion towards the rolling volume-weighted average price.</summary>
public sealed class VwapSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.05).</summary>
    public VwapSignalOptions()
    {
        Weight = 0.05;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Vwap;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Meta;

    /// <summary>Rolling window of the VWAP, in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 300;

    /// <summary>Deviation of the mid from the VWAP, in basis points, at which the signal reaches full strength.</summary>
    [Range(0.01, 10_000.0)]
    public double DeviationBps { get; set; } = 10.0;
}
