namespace Smallfish.Simulation.Benchmarks;

/// <summary>Timing of the raw JSON parse of recorded lines already in memory.</summary>
/// <param name="Name">What was parsed.</param>
/// <param name="Lines">Lines per pass.</param>
/// <param name="Bytes">JSON bytes per pass.</param>
/// <param name="Repeats">Timed passes.</param>
/// <param name="Seconds">Wall time of the timed passes.</param>
/// <param name="CpuSeconds">Processor time the process used meanwhile.</param>
/// <param name="AllocatedBytes">Bytes allocated on the benchmark thread during the timed passes.</param>
public sealed record ParseFigures(string Name, long Lines, long Bytes, int Repeats, double Seconds, double CpuSeconds, long AllocatedBytes)
{
    /// <summary>Lines per second.</summary>
    public double LinesPerSecond => Lines * (double)Repeats / Seconds;

    /// <summary>Megabytes (10^6) of JSON per second.</summary>
    public double MegabytesPerSecond => Bytes * (double)Repeats / Seconds / 1e6;

    /// <summary>Bytes allocated per parsed line in steady state.</summary>
    public double BytesPerLine => AllocatedBytes / (double)(Repeats * Lines);
}
