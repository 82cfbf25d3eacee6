using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// A streaming producer of market events, one step at a time: a replay reader (one line per step), an archive reader
/// (one row per step) or the synthetic generator (one action per step). Each step pushes zero or more events, in the
/// producer's own order, to the sink. Adapters: <see cref="EventReaders"/>.
/// </summary>
public interface IEventReader : IDisposable
{
    /// <summary>A short name for messages (usually the file path).</summary>
    string Name { get; }

    /// <summary>Lines (or rows, or actions) read so far.</summary>
    long Lines { get; }

    /// <summary>Malformed lines skipped under a skip policy (0 under stop). Non-zero means not all the data was seen.</summary>
    long SkippedLines { get; }

    /// <summary>Performs the next step; false when the input is exhausted.</summary>
    bool ReadNext(IMarketEventSink sink);
}
