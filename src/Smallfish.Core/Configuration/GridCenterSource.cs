namespace Smallfish.Core.Configuration;

/// <summary>Where the multigrid takes its center price from (before the signal bias shifts it).</summary>
public enum GridCenterSource
{
    /// <summary>The rolling volume-weighted average price over the VWAP window (<c>Microstructure:VwapWindowMs</c>).</summary>
    Vwap,

    /// <summary>The order book mid price.</summary>
    Mid,

    /// <summary>The session VWAP (restarts daily at <c>Microstructure:SessionResetHourUtc</c>).</summary>
    SessionVwap,
}
