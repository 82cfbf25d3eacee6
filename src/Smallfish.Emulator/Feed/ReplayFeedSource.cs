using Smallfish.Core.MarketData;
using Smallfish.Simulation.Replay;

namespace Smallfish.Emulator.Feed;

/// <summary>A replay reader as a feed source (one recorded line per step); owns and disposes the reader.</summary>
public sealed class ReplayFeedSource : IMarketFeedSource, IDisposable
{
    private readonly IReplayReader _reader;

    /// <summary>Wraps <paramref name="reader"/>.</summary>
    public ReplayFeedSource(IReplayReader reader, string description)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        Description = description ?? throw new ArgumentNullException(nameof(description));
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>What the reader has read so far.</summary>
    public ReplayCounters Counters => _reader.Counters;

    /// <inheritdoc />
    public bool Step(IMarketEventSink sink) => _reader.ReadNext(sink);

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}
