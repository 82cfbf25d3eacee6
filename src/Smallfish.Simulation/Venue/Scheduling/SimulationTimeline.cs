using Smallfish.Core.Time;

namespace Smallfish.Simulation.Venue.Scheduling;

/// <summary>
/// The one simulated timeline: it owns the <see cref="SimulatedClock"/>'s progress and merges every registered
/// <see cref="ITimedSource"/>, releasing their events in (time, sequence) order with the clock set to each event's
/// time first, so anything an event triggers (an engine decision, a command) reads the right time. Timers on the clock
/// fire as it passes their due time. Synchronous and single-threaded: nothing runs unless a driver calls
/// <see cref="RunUntil"/> or <see cref="RunThrough"/>. Some sources never run dry (funding recurs), so a run always
/// has an end time.
/// </summary>
/// <remarks>
/// A clock timer that fires on the way to an event may schedule a new event due before it (a command sent by a timer
/// with a short entry delay). The timeline releases that one first, at the clock's current time: events never run in
/// the past, and the order between events stays deterministic.
/// </remarks>
public sealed class SimulationTimeline
{
    private readonly List<ITimedSource> _sources = new();
    private long _sequence;

    /// <summary>Creates a timeline over <paramref name="clock"/>.</summary>
    public SimulationTimeline(SimulatedClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
    }

    /// <summary>The clock the timeline advances; the engine's only source of time in a simulation.</summary>
    public SimulatedClock Clock { get; }

    /// <summary>Current simulated time, ns since the Unix epoch.</summary>
    public long NowNs => Clock.NowNs;

    /// <summary>Number of events released so far.</summary>
    public long Released { get; private set; }

    /// <summary>A key for an event due at <paramref name="timeNs"/>, ordered after every key handed out before it.</summary>
    public EventKey NextKey(long timeNs) => new(timeNs, ++_sequence);

    /// <summary>Adds a source; sources are never removed.</summary>
    public void Register(ITimedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _sources.Add(source);
    }

    /// <summary>
    /// Releases every event due strictly before <paramref name="untilNs"/>, then moves the clock to it. A replay
    /// driver calls this before handing an event stamped <paramref name="untilNs"/> to the venue, so events due at the
    /// same nanosecond as a market event run after it.
    /// </summary>
    public void RunUntil(long untilNs) => Run(untilNs, inclusive: false);

    /// <summary>Releases every event due at or before <paramref name="untilNs"/>, then moves the clock to it.</summary>
    public void RunThrough(long untilNs) => Run(untilNs, inclusive: true);

    private void Run(long untilNs, bool inclusive)
    {
        while (true)
        {
            if (TryPickNext(out _, out var key) && IsDue(key, untilNs, inclusive))
            {
                Clock.AdvanceTo(key.TimeNs); // timers fire first; they may schedule something due even earlier
                TryPickNext(out var source, out _);
                Release(source!);
                continue;
            }
            Clock.AdvanceTo(untilNs);
            if (TryPickNext(out _, out key) && IsDue(key, untilNs, inclusive)) continue; // a timer scheduled more
            return;
        }
    }

    private static bool IsDue(EventKey key, long untilNs, bool inclusive) => inclusive ? key.TimeNs <= untilNs : key.TimeNs < untilNs;

    private void Release(ITimedSource source)
    {
        Released++;
        source.ReleaseNext();
    }

    private bool TryPickNext(out ITimedSource? source, out EventKey key)
    {
        source = null;
        key = default;
        for (int i = 0; i < _sources.Count; i++)
        {
            if (!_sources[i].TryPeek(out var k)) continue;
            if (source is null || k < key)
            {
                source = _sources[i];
                key = k;
            }
        }
        return source is not null;
    }
}
