using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Multigrid</c>: the optional layered grid around a VWAP or mid center, shifted by the fused
/// signal bias (<c>--multigrid</c> turns it on).
/// </summary>
public sealed class MultigridOptions
{
    /// <summary>Whether the grid strategy runs.</summary>
    public bool Enabled { get; set; }

    /// <summary>Grid levels on each side of the center.</summary>
    [Range(1, 100)]
    public int Levels { get; set; } = 5;

    /// <summary>Whether spacing is a fixed tick count or a volatility multiple.</summary>
    public GridSpacingMode SpacingMode { get; set; } = GridSpacingMode.Ticks;

    /// <summary>Distance between levels, in ticks (spacing mode <c>ticks</c>).</summary>
    [Range(1, 1_000_000)]
    public int SpacingTicks { get; set; } = 10;

    /// <summary>Distance between levels as a multiple of recent realized volatility (spacing mode <c>volatility</c>).</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double SpacingVolatilityMultiple { get; set; } = 0.5;

    /// <summary>Notional of each level's order, in percent of equity.</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double SizePerLevelPct { get; set; } = 2.0;

    /// <summary>Where the grid center comes from.</summary>
    public GridCenterSource CenterSource { get; set; } = GridCenterSource.Vwap;

    /// <summary>The grid is re-centered when price has moved this many levels from the center.</summary>
    [Range(1, 100)]
    public int RecenterThresholdLevels { get; set; } = 2;

    /// <summary>How far, in levels per unit of fused confidence, the signal bias shifts the grid (0 = no bias).</summary>
    [Range(0.0, 10.0)]
    public double BiasStrength { get; set; } = 0.5;

    /// <summary>Most filled levels the grid may hold net in one direction.</summary>
    [Range(1, 1000)]
    public int MaxInventoryLevels { get; set; } = 5;

    /// <summary>The grid is closed and stopped when its loss reaches this percent of equity.</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double GridStopPct { get; set; } = 3.0;
}
