namespace Smallfish.Monitoring.Status;

/// <summary>State of one multigrid level.</summary>
public enum GridLevelState
{
    /// <summary>No order at this level.</summary>
    Idle,

    /// <summary>The level's order is resting.</summary>
    Working,

    /// <summary>The level filled; its take-profit is not yet placed.</summary>
    Filled,

    /// <summary>The level filled and its take-profit is resting.</summary>
    TakeProfitWorking,
}
