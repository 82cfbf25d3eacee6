using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>Counts the replayed events per symbol (and their time span) on their way into the simulated exchange.</summary>
internal sealed class MarketTap : IMarketEventSink
{
    private readonly IMarketEventSink _next;

    public MarketTap(IMarketEventSink next, int symbols)
    {
        _next = next;
        Events = new long[symbols];
        FirstNs = new long[symbols];
        LastNs = new long[symbols];
    }

    public long[] Events { get; }

    public long[] FirstNs { get; }

    public long[] LastNs { get; }

    public long Total { get; private set; }

    public long LastEventNs { get; private set; }

    public void OnBook(BookUpdate update)
    {
        Count(update.SymbolId, update.ExchTsNs);
        _next.OnBook(update);
    }

    public void OnTrade(in TradeEvent trade)
    {
        Count(trade.SymbolId, trade.ExchTsNs);
        _next.OnTrade(trade);
    }

    public void OnBbo(in BboEvent bbo)
    {
        Count(bbo.SymbolId, bbo.ExchTsNs);
        _next.OnBbo(bbo);
    }

    public void OnTicker(in TickerEvent ticker)
    {
        Count(ticker.SymbolId, ticker.ExchTsNs);
        _next.OnTicker(ticker);
    }

    private void Count(int id, long ts)
    {
        Total++;
        if (ts > LastEventNs) LastEventNs = ts;
        if ((uint)id >= (uint)Events.Length) return;
        if (Events[id]++ == 0) FirstNs[id] = ts;
        if (ts > LastNs[id]) LastNs[id] = ts;
    }
}
