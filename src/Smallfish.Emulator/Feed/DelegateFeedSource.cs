using Smallfish.Core.MarketData;

namespace Smallfish.Emulator.Feed;

/// <summary>
/// Adapts any stepping source to <see cref="IMarketFeedSource"/>, e.g.
/// <c>new DelegateFeedSource("btcusdt_20240718.gz", sink => reader.ReadNext(sink))</c> for a replay reader or
/// <c>new DelegateFeedSource("synthetic seed 7", generator.Step)</c> for the synthetic generator.
/// </summary>
public sealed class DelegateFeedSource : IMarketFeedSource
{
    private readonly Func<IMarketEventSink, bool> _step;

    /// <summary>Creates the adapter.</summary>
    public DelegateFeedSource(string description, Func<IMarketEventSink, bool> step)
    {
        ArgumentNullException.ThrowIfNull(description);
        Description = description;
        _step = step ?? throw new ArgumentNullException(nameof(step));
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public bool Step(IMarketEventSink sink) => _step(sink);
}
