namespace Smallfish.Monitoring.Status;

/// <summary>How the engine loop performs: throughput, book resyncs, venue answers and its two latencies.</summary>
public sealed record EngineStats
{
    /// <summary>Events processed per second between the last two snapshots.</summary>
    public double EventsPerSecond { get; init; }

    /// <summary>Events processed since start.</summary>
    public long EventsProcessed { get; init; }

    /// <summary>Market events dropped because the engine queue was full (each dropped book message forces a resync).</summary>
    public long DroppedEvents { get; init; }

    /// <summary>Order-book resyncs since start.</summary>
    public long BookResyncs { get; init; }

    /// <summary>Fills booked since start.</summary>
    public long Fills { get; init; }

    /// <summary>Orders the venue rejected since start.</summary>
    public long Rejects { get; init; }

    /// <summary>From a market event's local receipt to the engine's entry decision on it.</summary>
    public LatencyStats TickToDecision { get; init; } = new();

    /// <summary>From an entry decision to its order leaving the engine.</summary>
    public LatencyStats DecisionToOrder { get; init; } = new();
}
