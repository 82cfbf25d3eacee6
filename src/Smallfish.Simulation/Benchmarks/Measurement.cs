namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// One timed benchmark figure: <see cref="Units"/> things (lines, events) per pass, <see cref="Repeats"/> passes in
/// <see cref="Seconds"/> of wall time and <see cref="CpuSeconds"/> of the process's processor time, and the bytes the
/// benchmark thread allocated meanwhile. On a busy machine the processor-time rate is the fairer one: it leaves out
/// the time other processes held the core.
/// </summary>
/// <param name="Name">What was measured.</param>
/// <param name="Unit">What is counted ("lines", "events").</param>
/// <param name="Units">Units per pass.</param>
/// <param name="Repeats">Timed passes.</param>
/// <param name="Seconds">Wall time of the timed passes.</param>
/// <param name="CpuSeconds">Processor time the process used meanwhile (all its threads).</param>
/// <param name="AllocatedBytes">Bytes allocated on the benchmark thread during the timed passes (steady state).</param>
/// <param name="AllocatedUnits">Units the allocation figure covers (default: all timed units).</param>
public sealed record Measurement(string Name, string Unit, long Units, int Repeats, double Seconds, double CpuSeconds, long AllocatedBytes, long AllocatedUnits = 0)
{
    /// <summary>Units per wall-clock second.</summary>
    public double PerSecond => Units * (double)Repeats / Math.Max(Seconds, 1e-9);

    /// <summary>Units per second of processor time.</summary>
    public double PerCpuSecond => Units * (double)Repeats / Math.Max(CpuSeconds, 1e-9);

    /// <summary>Bytes allocated per unit.</summary>
    public double BytesPerUnit => AllocatedBytes / (double)Math.Max(1, AllocatedUnits > 0 ? AllocatedUnits : Units * Repeats);
}
