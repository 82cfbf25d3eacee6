using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Cache;

/// <summary>A sink that drops every event (for counting and decode-only measurements).</summary>
public sealed class NullEventSink : IMarketEventSink
{
    /// <summary>The shared instance (stateless).</summary>
    public static NullEventSink Instance { get; } = new();

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
    }
}
