using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>SWEEP, order book sweep (whale group, default weight 0.05): one aggressive order consuming several price levels at once.</summary>
public sealed class SweepSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.05).</summary>
    public SweepSignalOptions()
    {
        Weight = 0.05;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Sweep;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Whale;

    /// <summary>Minimum number of price levels consumed for a sweep.</summary>
    [Range(1, 200)]
    public int MinLevels { get; set; } = 3;

    /// <summary>Window in which the consumed levels must disappear, in milliseconds.</summary>
    [Range(1, 60_000)]
    public int WindowMs { get; set; } = 200;
}
