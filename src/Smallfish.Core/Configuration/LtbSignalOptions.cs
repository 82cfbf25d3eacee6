using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>LTB, large trade burst (whale group, default weight 0.08): institutional-size trades clustered in a short burst.</summary>
public sealed class LtbSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.08).</summary>
    public LtbSignalOptions()
    {
        Weight = 0.08;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Ltb;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Whale;

    /// <summary>A trade is large when its size is at or above this percentile of recent trade sizes (50..100).</summary>
    [Range(50.0, 100.0)]
    public double SizePercentile { get; set; } = 95.0;

    /// <summary>Look-back over which the trade-size percentile is computed, in seconds.</summary>
    [Range(1, 86_400)]
    public int PercentileWindowSeconds { get; set; } = 300;

    /// <summary>Window in which large trades are grouped into one burst, in milliseconds.</summary>
    [Range(1, 600_000)]
    public int BurstWindowMs { get; set; } = 1000;

    /// <summary>Minimum number of large trades that make a burst.</summary>
    [Range(1, 1000)]
    public int MinTradesInBurst { get; set; } = 2;
}
