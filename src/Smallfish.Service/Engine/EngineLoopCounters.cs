namespace Smallfish.Service.Engine;

/// <summary>Counters of the engine loop, written by its thread (and the producers), read by the heartbeat from any thread.</summary>
public sealed class EngineLoopCounters
{
    private long _beat;
    private long _marketEvents;
    private long _dropped;
    private long _refused;
    private long _faults;
    private long _lastPing;

    /// <summary>Inputs processed so far: the loop's heartbeat counter.</summary>
    public long Beat => Volatile.Read(ref _beat);

    /// <summary>Market events processed.</summary>
    public long MarketEvents => Volatile.Read(ref _marketEvents);

    /// <summary>Market events dropped because the queue was full.</summary>
    public long DroppedMarketEvents => Interlocked.Read(ref _dropped);

    /// <summary>Execution reports refused because the loop had ended.</summary>
    public long RefusedReports => Interlocked.Read(ref _refused);

    /// <summary>Inputs whose processing threw (reported and skipped).</summary>
    public long Faults => Volatile.Read(ref _faults);

    /// <summary>Sequence number of the latest heartbeat ping the loop has taken.</summary>
    public long LastPing => Volatile.Read(ref _lastPing);

    internal void Processed(bool market)
    {
        if (market) Volatile.Write(ref _marketEvents, _marketEvents + 1);
        Volatile.Write(ref _beat, _beat + 1);
    }

    internal void Pinged(long sequence) => Volatile.Write(ref _lastPing, sequence);

    internal void Faulted() => Volatile.Write(ref _faults, _faults + 1);

    internal void DroppedMarketEvent() => Interlocked.Increment(ref _dropped);

    internal void RefusedReport() => Interlocked.Increment(ref _refused);
}
