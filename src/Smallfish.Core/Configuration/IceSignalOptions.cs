using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>ICE, iceberg refill (whale group, default weight 0.03): a price level that keeps refilling while being traded through, revealing hidden size.</summary>
public sealed class IceSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.03).</summary>
    public IceSignalOptions()
    {
        Weight = 0.03;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Ice;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Whale;

    /// <summary>Minimum number of refills at one price before the level is called an iceberg.</summary>
    [Range(1, 1000)]
    public int MinRefills { get; set; } = 3;

    /// <summary>Window over which refills are counted, in milliseconds.</summary>
    [Range(1, 600_000)]
    public int RefillWindowMs { get; set; } = 2000;

    /// <summary>Minimum traded volume at the level, as a multiple of its average displayed size.</summary>
    [Range(0.0, 1000.0)]
    public double MinTradedToDisplayedRatio { get; set; } = 2.0;
}
