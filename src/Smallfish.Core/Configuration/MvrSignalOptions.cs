using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>MVR, micro-volatility ratio (microstructure group, default weight 0.06): short over long realized volatility, separating breakouts from chop.</summary>
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

    /// <summary>Short realized-volatility window, in seconds.</summary>
    [Range(1, 3600)]
    public int ShortWindowSeconds { get; set; } = 10;

    /// <summary>Long realized-volatility window, in seconds. Must exceed <see cref="ShortWindowSeconds"/>.</summary>
    [Range(1, 86_400)]
    public int LongWindowSeconds { get; set; } = 120;

    /// <summary>Ratio above which the market is breaking out (follow momentum).</summary>
    [Range(1.0, 100.0)]
    public double BreakoutRatio { get; set; } = 1.5;

    /// <summary>Ratio below which the market is chopping (suppress momentum entries).</summary>
    [Range(0.0, 1.0)]
    public double ChopRatio { get; set; } = 0.7;
}
