namespace Smallfish.Simulation.Benchmarks;

/// <summary>Timing of pre-parsed book messages applied through their synchronizers.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Streams">Independent books (sessions or symbols).</param>
/// <param name="DeltasPerPass">Delta messages per pass.</param>
/// <param name="LevelsPerPass">Price levels carried by those deltas.</param>
/// <param name="SnapshotsPerPass">Snapshots per pass.</param>
/// <param name="Repeats">Timed passes.</param>
/// <param name="Seconds">Wall time of the timed passes.</param>
/// <param name="CpuSeconds">Processor time the process used meanwhile (tells a loaded machine from a slow book).</param>
/// <param name="AllocatedBytes">Bytes allocated on the benchmark thread during the timed passes.</param>
/// <param name="SyncFailures">Gaps, crossed books and stale snapshots during the timed passes (must be 0 on good data).</param>
public sealed record BookApplyFigures(
    string Name,
    int Streams,
    long DeltasPerPass,
    long LevelsPerPass,
    long SnapshotsPerPass,
    int Repeats,
    double Seconds,
    double CpuSeconds,
    long AllocatedBytes,
    long SyncFailures)
{
    /// <summary>Delta messages per second.</summary>
    public double DeltasPerSecond => DeltasPerPass * (double)Repeats / Seconds;

    /// <summary>Price-level updates per second.</summary>
    public double LevelsPerSecond => LevelsPerPass * (double)Repeats / Seconds;

    /// <summary>Bytes allocated per book message (delta or snapshot) in steady state.</summary>
    public double BytesPerEvent => AllocatedBytes / (double)(Repeats * (DeltasPerPass + SnapshotsPerPass));
}
