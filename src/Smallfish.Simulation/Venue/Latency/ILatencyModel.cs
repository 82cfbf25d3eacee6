namespace Smallfish.Simulation.Venue.Latency;

/// <summary>
/// The three delays between a strategy and a venue (the hftbacktest split): market data reaches the strategy
/// <see cref="FeedLatencyNs"/> after the venue produced it; a command reaches the matching engine
/// <see cref="EntryLatencyNs"/> after the strategy decided it; an ack or fill reaches the strategy
/// <see cref="ResponseLatencyNs"/> after the venue matched it. All values are non-negative nanoseconds and depend only
/// on the arguments and the model's own (seeded) state, so a run repeats exactly.
/// </summary>
public interface ILatencyModel
{
    /// <summary>Delay from the exchange time of a market event to its delivery to the strategy.</summary>
    /// <param name="exchTsNs">Exchange time of the event.</param>
    /// <param name="localTsNs">Recorded local receive time of the event (0 when unknown).</param>
    long FeedLatencyNs(long exchTsNs, long localTsNs);

    /// <summary>Delay from the strategy's decision at <paramref name="decisionNs"/> to the command's arrival at the venue.</summary>
    long EntryLatencyNs(long decisionNs);

    /// <summary>Delay from the venue's match at <paramref name="matchNs"/> to the report's arrival at the strategy.</summary>
    long ResponseLatencyNs(long matchNs);
}
