using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// A pull source of market events in exchange-time order, as <see cref="EventMerger"/> merges them: peek at the time of
/// the next event, then have it delivered.
/// </summary>
public interface IOrderedEventSource : IDisposable
{
    /// <summary>The exchange time of the next event; false when the source is exhausted.</summary>
    bool TryPeekTime(out long exchTsNs);

    /// <summary>Delivers the next event (the one <see cref="TryPeekTime"/> announced) to <paramref name="sink"/>.</summary>
    void DeliverNext(IMarketEventSink sink);
}
