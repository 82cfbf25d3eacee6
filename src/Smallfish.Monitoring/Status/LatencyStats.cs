namespace Smallfish.Monitoring.Status;

/// <summary>A latency distribution summarized: observations, median, 99th percentile and maximum, microseconds.</summary>
/// <remarks>Percentiles are the upper bound of the histogram bucket they fall in (never above the maximum seen).</remarks>
public sealed record LatencyStats
{
    /// <summary>Observations.</summary>
    public long Count { get; init; }

    /// <summary>Median, µs.</summary>
    public double P50Us { get; init; }

    /// <summary>99th percentile, µs.</summary>
    public double P99Us { get; init; }

    /// <summary>Largest observation, µs.</summary>
    public double MaxUs { get; init; }
}
