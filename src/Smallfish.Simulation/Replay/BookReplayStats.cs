namespace Smallfish.Simulation.Replay;

/// <summary>What replaying one symbol's book messages through its synchronizer did.</summary>
public sealed class BookReplayStats
{
    /// <summary>Book messages seen (snapshots and deltas).</summary>
    public long Messages { get; internal set; }

    /// <summary>Deltas applied to a synced book on arrival (buffered diffs replayed by a sync are in <see cref="Buffered"/>).</summary>
    public long DeltasApplied { get; internal set; }

    /// <summary>Price levels carried by the applied deltas.</summary>
    public long LevelsApplied { get; internal set; }

    /// <summary>Snapshots that (re)synced the book.</summary>
    public long Syncs { get; internal set; }

    /// <summary>Syncs after the first one: recoveries from a gap, a crossed book or a reset.</summary>
    public long Resyncs { get; internal set; }

    /// <summary>Deltas held until a snapshot (Binance).</summary>
    public long Buffered { get; internal set; }

    /// <summary>Messages dropped as older than the book or arriving before any snapshot.</summary>
    public long Ignored { get; internal set; }

    /// <summary>Sequence gaps detected.</summary>
    public long Gaps { get; internal set; }

    /// <summary>Messages after which the book was crossed and was therefore invalidated.</summary>
    public long CrossedDetected { get; internal set; }

    /// <summary>Snapshots rejected as older than the buffered diffs (Binance).</summary>
    public long StaleSnapshots { get; internal set; }

    /// <summary>Times the book was crossed while it claimed to be valid. Must stay 0.</summary>
    public long CrossedWhileValid { get; internal set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"messages={Messages} applied={DeltasApplied} levels={LevelsApplied} syncs={Syncs} resyncs={Resyncs} buffered={Buffered} " +
        $"ignored={Ignored} gaps={Gaps} crossed={CrossedDetected} stale={StaleSnapshots} crossedWhileValid={CrossedWhileValid}";
}
