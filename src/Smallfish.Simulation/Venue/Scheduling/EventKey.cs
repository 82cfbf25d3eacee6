namespace Smallfish.Simulation.Venue.Scheduling;

/// <summary>
/// Orders simulated events: by time, then by the sequence number the <see cref="SimulationTimeline"/> handed out when
/// the event was scheduled, so events due at the same nanosecond run in the order they were scheduled.
/// </summary>
/// <param name="TimeNs">When the event is due, ns since the Unix epoch.</param>
/// <param name="Sequence">Tie-breaker: scheduling order.</param>
public readonly record struct EventKey(long TimeNs, long Sequence) : IComparable<EventKey>
{
    /// <inheritdoc />
    public int CompareTo(EventKey other)
    {
        int c = TimeNs.CompareTo(other.TimeNs);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }

    /// <summary>True when <paramref name="a"/> sorts before <paramref name="b"/>.</summary>
    public static bool operator <(EventKey a, EventKey b) => a.CompareTo(b) < 0;

    /// <summary>True when <paramref name="a"/> sorts after <paramref name="b"/>.</summary>
    public static bool operator >(EventKey a, EventKey b) => a.CompareTo(b) > 0;

    /// <summary>True when <paramref name="a"/> does not sort after <paramref name="b"/>.</summary>
    public static bool operator <=(EventKey a, EventKey b) => a.CompareTo(b) <= 0;

    /// <summary>True when <paramref name="a"/> does not sort before <paramref name="b"/>.</summary>
    public static bool operator >=(EventKey a, EventKey b) => a.CompareTo(b) >= 0;
}
