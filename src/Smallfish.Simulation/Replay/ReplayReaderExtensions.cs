using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Replay;

/// <summary>Helpers over <see cref="IReplayReader"/>.</summary>
public static class ReplayReaderExtensions
{
    /// <summary>Reads every remaining line into <paramref name="sink"/> and returns the reader's counters.</summary>
    public static ReplayCounters ReadAll(this IReplayReader reader, IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (reader.ReadNext(sink))
        {
        }
        return reader.Counters;
    }
}
