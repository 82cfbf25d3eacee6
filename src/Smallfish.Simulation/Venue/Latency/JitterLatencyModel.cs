namespace Smallfish.Simulation.Venue.Latency;

/// <summary>
/// A baseline delay plus a uniform random jitter in [0, jitter] for each path, drawn from a <see cref="SeededRandom"/>:
/// the same seed and the same sequence of calls give the same delays. Jitter only ever adds to the baseline, so the
/// baseline is the best case. Delivery order is preserved by the queues that use the model (a later command never
/// overtakes an earlier one), so jitter changes timing, never ordering.
/// </summary>
public sealed class JitterLatencyModel : ILatencyModel
{
    private readonly ConstantLatencyModel _baseline;
    private readonly long _feedJitterNs;
    private readonly long _entryJitterNs;
    private readonly long _responseJitterNs;
    private readonly SeededRandom _random;

    /// <summary>Creates the model; jitters in nanoseconds, none negative.</summary>
    public JitterLatencyModel(ConstantLatencyModel baseline, long feedJitterNs, long entryJitterNs, long responseJitterNs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentOutOfRangeException.ThrowIfNegative(feedJitterNs);
        ArgumentOutOfRangeException.ThrowIfNegative(entryJitterNs);
        ArgumentOutOfRangeException.ThrowIfNegative(responseJitterNs);
        _baseline = baseline;
        _feedJitterNs = feedJitterNs;
        _entryJitterNs = entryJitterNs;
        _responseJitterNs = responseJitterNs;
        _random = new SeededRandom(seed);
    }

    /// <inheritdoc />
    public long FeedLatencyNs(long exchTsNs, long localTsNs) => _baseline.FeedNs + _random.NextInclusive(_feedJitterNs);

    /// <inheritdoc />
    public long EntryLatencyNs(long decisionNs) => _baseline.EntryNs + _random.NextInclusive(_entryJitterNs);

    /// <inheritdoc />
    public long ResponseLatencyNs(long matchNs) => _baseline.ResponseNs + _random.NextInclusive(_responseJitterNs);
}
