using Smallfish.Core.Metrics;
using Smallfish.Monitoring.Status;

namespace Smallfish.Service.Activity;

/// <summary>
/// A fixed-bucket latency histogram kept in process for the status document (the Prometheus endpoint has its own
/// from <see cref="SmallfishMetrics"/>): the same microsecond bounds, one overflow bucket, lock-free recording from
/// the engine loop and snapshots from any thread. Percentiles are bucket upper bounds (an upper estimate).
/// </summary>
public sealed class LatencyHistogram
{
    private readonly double[] _boundsUs;
    private readonly long[] _counts;
    private long _count;
    private long _maxNs;

    /// <summary>Creates a histogram over <see cref="SmallfishMetrics.LatencyBucketsUs"/>.</summary>
    public LatencyHistogram()
    {
        _boundsUs = [.. SmallfishMetrics.LatencyBucketsUs];
        _counts = new long[_boundsUs.Length + 1];
    }

    /// <summary>Observations so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records one interval, nanoseconds (negative values count as 0).</summary>
    public void Record(long elapsedNs)
    {
        if (elapsedNs < 0) elapsedNs = 0;
        double us = elapsedNs / 1_000.0;
        int i = 0;
        while (i < _boundsUs.Length && us > _boundsUs[i]) i++;
        Interlocked.Increment(ref _counts[i]);
        Interlocked.Increment(ref _count);
        long max;
        while (elapsedNs > (max = Interlocked.Read(ref _maxNs)) && Interlocked.CompareExchange(ref _maxNs, elapsedNs, max) != max)
        {
        }
    }

    /// <summary>Count, median, p99 and maximum in microseconds.</summary>
    public LatencyStats Snapshot()
    {
        var counts = new long[_counts.Length];
        long total = 0;
        for (int i = 0; i < counts.Length; i++) total += counts[i] = Interlocked.Read(ref _counts[i]);
        double maxUs = Interlocked.Read(ref _maxNs) / 1_000.0;
        return new LatencyStats
        {
            Count = total,
            P50Us = Quantile(counts, total, 0.50, maxUs),
            P99Us = Quantile(counts, total, 0.99, maxUs),
            MaxUs = total == 0 ? 0 : maxUs,
        };
    }

    private double Quantile(long[] counts, long total, double q, double maxUs)
    {
        if (total == 0) return 0;
        long rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank) return i < _boundsUs.Length ? Math.Min(_boundsUs[i], maxUs) : maxUs;
        }

        return maxUs;
    }
}
