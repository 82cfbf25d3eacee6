namespace Smallfish.Simulation.Venue.Latency;

/// <summary>
/// Uses each event's recorded local receive time as its delivery time (feed latency = local - exchange time), which
/// replays the network delays the recording actually saw; order entry and response delays, and the feed delay of
/// events without a usable local time, come from the inner model.
/// </summary>
public sealed class RecordedFeedLatencyModel : ILatencyModel
{
    private readonly ILatencyModel _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public RecordedFeedLatencyModel(ILatencyModel inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc />
    public long FeedLatencyNs(long exchTsNs, long localTsNs) =>
        localTsNs > exchTsNs ? localTsNs - exchTsNs : _inner.FeedLatencyNs(exchTsNs, localTsNs);

    /// <inheritdoc />
    public long EntryLatencyNs(long decisionNs) => _inner.EntryLatencyNs(decisionNs);

    /// <inheritdoc />
    public long ResponseLatencyNs(long matchNs) => _inner.ResponseLatencyNs(matchNs);
}
