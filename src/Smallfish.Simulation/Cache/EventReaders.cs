using Smallfish.Core.MarketData;
using Smallfish.Simulation.Backtesting.Archives;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Simulation.Cache;

/// <summary>Adapters that present the replay readers, the archive readers and the synthetic generator as <see cref="IEventReader"/>s.</summary>
public static class EventReaders
{
    /// <summary>A recording reader (hftbacktest, cryptofeed, bookTicker CSV).</summary>
    public static IEventReader From(IReplayReader reader, string name) => new ReplayAdapter(reader ?? throw new ArgumentNullException(nameof(reader)), name);

    /// <summary>An exchange archive reader (Bybit/Binance daily files).</summary>
    public static IEventReader From(IArchiveReader reader, string name) => new ArchiveAdapter(reader ?? throw new ArgumentNullException(nameof(reader)), name);

    /// <summary>The synthetic generator (its stream is already in time order).</summary>
    public static IEventReader From(SyntheticMarketGenerator generator) => new SyntheticAdapter(generator ?? throw new ArgumentNullException(nameof(generator)));

    private sealed class ReplayAdapter(IReplayReader reader, string name) : IEventReader
    {
        public string Name => name;

        public long Lines => reader.Counters.Lines;

        public long SkippedLines => reader.Counters.SkippedLines;

        public bool ReadNext(IMarketEventSink sink) => reader.ReadNext(sink);

        public void Dispose() => reader.Dispose();
    }

    private sealed class ArchiveAdapter(IArchiveReader reader, string name) : IEventReader
    {
        public string Name => name;

        public long Lines => reader.Counters.Lines;

        public long SkippedLines => 0;

        public bool ReadNext(IMarketEventSink sink) => reader.ReadNext(sink);

        public void Dispose() => reader.Dispose();
    }

    private sealed class SyntheticAdapter(SyntheticMarketGenerator generator) : IEventReader
    {
        private long _steps;

        public string Name => generator.Info.Description;

        public long Lines => _steps;

        public long SkippedLines => 0;

        public bool ReadNext(IMarketEventSink sink)
        {
            if (!generator.Step(sink)) return false;
            _steps++;
            return true;
        }

        public void Dispose()
        {
        }
    }
}
