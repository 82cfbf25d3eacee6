using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>ABSORB, absorption (microstructure group, default weight 0.06): heavy aggressive volume into a level that does not move the mid, i.e. a defended level.</summary>
public sealed class AbsorbSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.06).</summary>
    public AbsorbSignalOptions()
    {
        Weight = 0.06;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Absorb;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Micro;

    /// <summary>Window over which absorbed volume is measured, in milliseconds.</summary>
    [Range(1, 600_000)]
    public int WindowMs { get; set; } = 3000;

    /// <summary>Aggressive volume into the level, as a multiple of its average displayed size, from which it counts as absorbed.</summary>
    [Range(0.0, 1000.0)]
    public double MinAbsorbedVolumeMultiple { get; set; } = 3.0;

    /// <summary>Largest mid-price change during the window, in ticks, that still counts as holding.</summary>
    [Range(0, 1000)]
    public int MaxMidChangeTicks { get; set; } = 1;
}
