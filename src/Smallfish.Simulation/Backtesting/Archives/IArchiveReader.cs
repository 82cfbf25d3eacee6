using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// A streaming reader of one archive file: each call pushes the events of the next row (zero or more) to a sink.
/// Archives carry no local receive time, so events have <c>LocalTsNs == ExchTsNs</c>; the simulated venue's latency
/// model supplies the delay. A malformed row or a corrupt file raises <see cref="ArchiveDataException"/>.
/// </summary>
public interface IArchiveReader : IDisposable
{
    /// <summary>What has been read so far.</summary>
    ArchiveReadCounters Counters { get; }

    /// <summary>Pushes the next row's events to <paramref name="sink"/>; false at the end of the file.</summary>
    bool ReadNext(IMarketEventSink sink);
}
