using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>One entry of <c>Smallfish:Risk:DrawdownTiers</c>: from this drawdown on, positions are sized down.</summary>
public sealed class DrawdownTierOptions
{
    /// <summary>Drawdown from the equity peak, in percent, in (0, 100], from which the tier applies.</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double DrawdownPct { get; set; }

    /// <summary>Multiplier in [0, 1] applied to the position size (0 = no new entries).</summary>
    [Range(0.0, 1.0)]
    public double SizeMultiplier { get; set; } = 1.0;
}
