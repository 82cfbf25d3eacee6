using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>Section <c>Smallfish:Risk:Trailing</c>: the trailing stop.</summary>
public sealed class TrailingStopOptions
{
    /// <summary>Whether the stop trails once the position is in profit.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Open profit, in R, from which the stop starts trailing.</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double ActivationRMultiple { get; set; } = 1.0;

    /// <summary>The stop is moved in steps of this many ticks (and trails this far behind the best price).</summary>
    [Range(1, 100_000)]
    public int StepTicks { get; set; } = 2;
}
