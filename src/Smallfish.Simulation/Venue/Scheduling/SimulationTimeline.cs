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
    private ITimedSource[] _sources = [];
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
        _sources = [.. _sources, source];
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
            if (TryPickNext(out var source, out var key) && IsDue(key, untilNs, inclusive))
            {
                long fired = Clock.TimersFired;
                Clock.AdvanceTo(key.TimeNs); // timers fire first; they may schedule something due even earlier
                if (Clock.TimersFired != fired) TryPickNext(out source, out _); // only a timer can have changed the sources
                Release(source!);
                continue;
            }
            long firedBefore = Clock.TimersFired;
            Clock.AdvanceTo(untilNs);
            if (Clock.TimersFired != firedBefore && TryPickNext(out _, out key) && IsDue(key, untilNs, inclusive)) continue; // a timer scheduled more
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
        var sources = _sources;
        for (int i = 0; i < sources.Length; i++)
        {
            if (!sources[i].TryPeek(out var k)) continue;
            if (source is null || k < key)
            {
                source = sources[i];
                key = k;
            }
        }
        return source is not null;
    }
}
