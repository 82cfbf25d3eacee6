namespace Smallfish.Simulation.Venue.Latency;

/// <summary>Fixed feed, entry and response delays.</summary>
public sealed class ConstantLatencyModel : ILatencyModel
{
    /// <summary>No delay anywhere: the idealized case, useful in tests of matching alone.</summary>
    public static ConstantLatencyModel Zero { get; } = new(0, 0, 0);

    /// <summary>Creates the model; all delays in nanoseconds, none negative.</summary>
    public ConstantLatencyModel(long feedNs, long entryNs, long responseNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feedNs);
        ArgumentOutOfRangeException.ThrowIfNegative(entryNs);
        ArgumentOutOfRangeException.ThrowIfNegative(responseNs);
        FeedNs = feedNs;
        EntryNs = entryNs;
        ResponseNs = responseNs;
    }

    /// <summary>Market data delay, ns.</summary>
    public long FeedNs { get; }

    /// <summary>Order entry delay, ns.</summary>
    public long EntryNs { get; }

    /// <summary>Report delay, ns.</summary>
    public long ResponseNs { get; }

    /// <inheritdoc />
    public long FeedLatencyNs(long exchTsNs, long localTsNs) => FeedNs;

    /// <inheritdoc />
    public long EntryLatencyNs(long decisionNs) => EntryNs;

    /// <inheritdoc />
    public long ResponseLatencyNs(long matchNs) => ResponseNs;
}
