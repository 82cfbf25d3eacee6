namespace Smallfish.Simulation.Venue.Scheduling;

/// <summary>
/// Something that holds events due at known times (commands in flight to the venue, reports in flight to the engine,
/// market data in flight to the strategy, funding settlements). The <see cref="SimulationTimeline"/> merges all
/// sources and releases their events in <see cref="EventKey"/> order.
/// </summary>
public interface ITimedSource
{
    /// <summary>The key of this source's next event, if it has one.</summary>
    bool TryPeek(out EventKey key);

    /// <summary>Handles (delivers, executes) this source's next event and removes it.</summary>
    void ReleaseNext();
}
