namespace Smallfish.Core.Configuration;

/// <summary>Where the multigrid takes its center price from.</summary>
public enum GridCenterSource
{
    /// <summary>The rolling volume-weighted average price.</summary>
    Vwap,

    /// <summary>The order book mid price.</summary>
    Mid,
}
