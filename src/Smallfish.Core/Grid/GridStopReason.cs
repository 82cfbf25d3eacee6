namespace Smallfish.Core.Grid;

/// <summary>Why the grid is stopped.</summary>
public enum GridStopReason : byte
{
    /// <summary>Not stopped.</summary>
    None,

    /// <summary>Realized plus unrealized loss reached the grid stop (<c>GridStopPct</c> or <c>GridStopMoney</c>).</summary>
    LossLimit,

    /// <summary>Stopped by a command (<see cref="GridStrategy.Stop"/>).</summary>
    Manual,
}
