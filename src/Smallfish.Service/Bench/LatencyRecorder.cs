using System.Globalization;
using Smallfish.Core.Time;
using Smallfish.Service.Trading;

namespace Smallfish.Service.Bench;

/// <summary>
/// Collects, for <c>smallfish bench latency</c>, the time from a book frame's receipt (the stream client's receive
/// stamp) to the first bytes of the order request it caused being written to the socket.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly object _gate = new();
    private readonly List<long> _samplesNs = [];
    private readonly List<long> _decidedNs = [];
    private long _lastTrigger;
    private long _lastDecided;

    /// <summary>Called when the engine issues an order command for a book frame: records frame receipt to command (once per frame).</summary>
    public void OnCommand(long triggerNs)
    {
        long now = TimeProvider.System.GetUnixTimeNs();
        lock (_gate)
        {
            if (triggerNs == _lastDecided) return;
            _lastDecided = triggerNs;
            _decidedNs.Add(now - triggerNs);
        }
    }

    /// <summary>Called by the transport on a write: records once per trigger (the first request a book frame caused).</summary>
    public void OnWrite()
    {
        long trigger = LatencyProbe.Sending;
        if (trigger == 0) return;
        long now = TimeProvider.System.GetUnixTimeNs();
        lock (_gate)
        {
            if (trigger == _lastTrigger) return;
            _lastTrigger = trigger;
            _samplesNs.Add(now - trigger);
        }
    }

    /// <summary>Samples so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _samplesNs.Count;
        }
    }

    /// <summary>The percentile (0..100) in microseconds, nearest rank; NaN without samples.</summary>
    public double PercentileMicros(double percentile) => Percentile(_samplesNs, percentile);

    private double Percentile(List<long> samples, double percentile)
    {
        long[] sorted;
        lock (_gate) sorted = [.. samples];
        if (sorted.Length == 0) return double.NaN;
        Array.Sort(sorted);
        int rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)] / 1000.0;
    }

    /// <summary>One line: samples, p50, p99, p99.9 and max in microseconds (frame receipt to request bytes).</summary>
    public string Describe() => Describe(_samplesNs);

    /// <summary>The same for frame receipt to the engine's order command (the part inside the engine loop, before the REST client).</summary>
    public string DescribeDecided() => Describe(_decidedNs);

    private string Describe(List<long> samples)
    {
        int count;
        lock (_gate) count = samples.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"samples {count}  p50 {Percentile(samples, 50):F1} us  p99 {Percentile(samples, 99):F1} us  p99.9 {Percentile(samples, 99.9):F1} us  max {Percentile(samples, 100):F1} us");
    }
}
