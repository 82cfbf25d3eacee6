using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// SWEEP, order book sweep (whale group, default weight 0.05): one aggressive burst taking several price levels
/// (<c>Microstructure:SweepMaxGapMs</c>, <c>SweepMinLevels</c>, <c>SweepMemoryMs</c>), in the aggressor's direction,
/// fading with the sweep's age.
/// </summary>
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

    /// <summary>Fewest price levels a remembered sweep must have taken to score at all.</summary>
    [Range(2, 10_000)]
    public int MinLevels { get; set; } = 6;

    /// <summary>Price levels taken at which the score reaches full strength (at least <see cref="MinLevels"/>).</summary>
    [Range(2, 10_000)]
    public int FullLevels { get; set; } = 10;

    /// <summary>Time constant with which a sweep's score fades after its last trade, ms.</summary>
    [Range(1, 600_000)]
    public int DecayMs { get; set; } = 2000;
}
