using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>PRT, pull-and-replace trap (core group, default weight 0.10): detects large resting size that is pulled as price approaches and replaced behind it (spoofing), and fades that fake pressure.</summary>
public sealed class PrtSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.10).</summary>
    public PrtSignalOptions()
    {
        Weight = 0.10;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Prt;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Core;

    /// <summary>A pulled level counts when its size was at least this multiple of the average level size.</summary>
    [Range(1.0, 1000.0)]
    public double MinPulledSizeMultiple { get; set; } = 3.0;

    /// <summary>How close to the touch a level must be when pulled, in ticks.</summary>
    [Range(1, 10_000)]
    public int MaxDistanceTicks { get; set; } = 10;

    /// <summary>Window within which a pull followed by a replace counts as one trap, in milliseconds.</summary>
    [Range(1, 600_000)]
    public int ReplaceWindowMs { get; set; } = 1000;
}
