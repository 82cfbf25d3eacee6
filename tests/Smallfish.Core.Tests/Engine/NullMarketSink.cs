using Smallfish.Core.MarketData;

namespace Smallfish.Core.Tests.Engine;

/// <summary>Where the market feed goes while no engine runs.</summary>
internal sealed class NullMarketSink : IMarketEventSink
{
    public static NullMarketSink Instance { get; } = new();

    public void OnBook(BookUpdate update)
    {
    }

    public void OnTrade(in TradeEvent trade)
    {
    }

    public void OnBbo(in BboEvent bbo)
    {
    }

    public void OnTicker(in TickerEvent ticker)
    {
    }
}
