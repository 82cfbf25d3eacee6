namespace Smallfish.Core.Grid;

/// <summary>
/// An engine that runs multigrids and can copy their state for readers on other threads. Called on the engine's own
/// thread (the service calls it right after publishing the runtime snapshot); the states returned are immutable.
/// </summary>
public interface IGridSnapshotSource
{
    /// <summary>The state of every symbol's grid (empty when the multigrid is off).</summary>
    IReadOnlyList<GridState> SnapshotGrids();
}
