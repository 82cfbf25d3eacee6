namespace Smallfish.Core.Grid;

/// <summary>Receives every grid round trip as it closes (the engine journals them; tests collect them).</summary>
public interface IGridRoundTripSink
{
    /// <summary>A piece of grid inventory was closed. Called on the grid's writer thread; must return at once.</summary>
    void OnRoundTrip(GridRoundTrip trip);
}
