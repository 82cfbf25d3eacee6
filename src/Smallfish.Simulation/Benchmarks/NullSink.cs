using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>Counts events and drops them.</summary>
internal sealed class NullSink : IMarketEventSink
{
    public long Events;

    public void OnBook(BookUpdate update) => Events++;

    public void OnTrade(in TradeEvent trade) => Events++;

    public void OnBbo(in BboEvent bbo) => Events++;

    public void OnTicker(in TickerEvent ticker) => Events++;
}
