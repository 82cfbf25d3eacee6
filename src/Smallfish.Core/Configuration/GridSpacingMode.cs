namespace Smallfish.Core.Configuration;

/// <summary>How the distance between grid levels is chosen.</summary>
public enum GridSpacingMode
{
    /// <summary>A fixed number of ticks (<see cref="MultigridOptions.SpacingTicks"/>).</summary>
    Ticks,

    /// <summary>A multiple of recent realized volatility (<see cref="MultigridOptions.SpacingVolatilityMultiple"/>).</summary>
    Volatility,
}
