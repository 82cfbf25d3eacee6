using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Replay;

/// <summary>
/// A streaming reader of one recorded data format: it reads one line at a time (buffers reused, never the whole file)
/// and pushes the line's events to a sink, in file order.
/// </summary>
public interface IReplayReader : IDisposable
{
    /// <summary>What has been read so far.</summary>
    ReplayCounters Counters { get; }

    /// <summary>
    /// Reads the next line and pushes its events (zero or more) to <paramref name="sink"/>. Returns false when every
    /// input is exhausted. Throws <see cref="ReplayFormatException"/> on a malformed line under
    /// <see cref="ReplayErrorPolicy.Stop"/> and on a corrupt or truncated file under either policy.
    /// </summary>
    bool ReadNext(IMarketEventSink sink);
}
