using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>LIQ, liquidity thinness (microstructure group, default weight 0.06): how thin the book is near the touch and on which side, combined with the imbalance.</summary>
public sealed class LiqSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.06).</summary>
    public LiqSignalOptions()
    {
        Weight = 0.06;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Liq;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Micro;

    /// <summary>Number of price levels per side examined.</summary>
    [Range(1, 200)]
    public int DepthLevels { get; set; } = 10;

    /// <summary>Thinness in [0, 1] (1 = empty compared with the recent average) from which the book counts as thin.</summary>
    [Range(0.0, 1.0)]
    public double ThinnessThreshold { get; set; } = 0.6;

    /// <summary>Bid/ask depth asymmetry in [0, 1] from which the thin side gives a direction.</summary>
    [Range(0.0, 1.0)]
    public double AsymmetryThreshold { get; set; } = 0.3;
}
