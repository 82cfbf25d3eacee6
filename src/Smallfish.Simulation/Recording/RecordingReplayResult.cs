namespace Smallfish.Simulation.Recording;

/// <summary>What a replay delivered.</summary>
/// <param name="Events">Market events delivered to the sink.</param>
/// <param name="Blocks">Blocks read.</param>
/// <param name="DroppedEvents">Events the recorder reported lost (gap records).</param>
/// <param name="Bytes">File bytes read, header included.</param>
public readonly record struct RecordingReplayResult(long Events, long Blocks, long DroppedEvents, long Bytes)
{
    /// <summary>The sum of two results (several files).</summary>
    public static RecordingReplayResult operator +(RecordingReplayResult a, RecordingReplayResult b) =>
        new(a.Events + b.Events, a.Blocks + b.Blocks, a.DroppedEvents + b.DroppedEvents, a.Bytes + b.Bytes);
}
