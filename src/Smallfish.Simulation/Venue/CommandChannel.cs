using Smallfish.Simulation.Venue.Latency;
using Smallfish.Simulation.Venue.Scheduling;

namespace Smallfish.Simulation.Venue;

/// <summary>
/// The order path from the engine to the matching engine: a command decided at the clock's current time arrives after
/// the entry delay, in the order it was sent (one connection: a later command never overtakes an earlier one, so a
/// cancel never reaches the venue before the order it cancels).
/// </summary>
internal sealed class CommandChannel : ITimedSource
{
    private readonly SimulationTimeline _timeline;
    private readonly ILatencyModel _latency;
    private readonly Action<VenueCommand, long> _execute;
    private readonly TimedQueue<VenueCommand> _queue = new();
    private long _lastArrivalNs = long.MinValue;

    public CommandChannel(SimulationTimeline timeline, ILatencyModel latency, Action<VenueCommand, long> execute)
    {
        _timeline = timeline;
        _latency = latency;
        _execute = execute;
        timeline.Register(this);
    }

    public int Pending => _queue.Count;

    public void Send(in VenueCommand command)
    {
        long at = command.DecisionNs + _latency.EntryLatencyNs(command.DecisionNs);
        if (at < _lastArrivalNs) at = _lastArrivalNs;
        _lastArrivalNs = at;
        _queue.Enqueue(_timeline.NextKey(at), command);
    }

    public bool TryPeek(out EventKey key) => _queue.TryPeekKey(out key);

    public void ReleaseNext()
    {
        _queue.TryPeekKey(out var key);
        var command = _queue.Dequeue();
        _execute(command, Math.Max(key.TimeNs, _timeline.NowNs));
    }
}
