namespace Smallfish.Core.Grid;

/// <summary>Where the grid strategy is in its life cycle.</summary>
public enum GridMode : byte
{
    /// <summary>No grid placed yet (no usable center, size or book so far).</summary>
    Idle,

    /// <summary>Levels are working around the center.</summary>
    Running,

    /// <summary>A gate blocks new levels (see <see cref="GridGatePolicy"/>); what already works is managed.</summary>
    Holding,

    /// <summary>The kill switch is tripped: nothing works; the grid re-arms when the gate passes again.</summary>
    Killed,

    /// <summary>The grid stop was hit: everything cancelled and flattened; stays so until <see cref="GridStrategy.Reset"/>.</summary>
    Stopped,
}
