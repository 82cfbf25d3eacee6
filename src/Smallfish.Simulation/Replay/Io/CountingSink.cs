using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Replay.Io;

/// <summary>Counts events by kind into <see cref="ReplayCounters"/> and forwards them to the current target.</summary>
internal sealed class CountingSink : IMarketEventSink
{
    private readonly ReplayCounters _counters;

    public CountingSink(ReplayCounters counters) => _counters = counters;

    public IMarketEventSink? Target { get; set; }

    public void OnBook(BookUpdate update)
    {
        if (update.Kind == BookUpdateKind.Snapshot) _counters.BookSnapshots++;
        else _counters.BookDeltas++;
        Target!.OnBook(update);
    }

    public void OnTrade(in TradeEvent trade)
    {
        _counters.Trades++;
        Target!.OnTrade(trade);
    }

    public void OnBbo(in BboEvent bbo)
    {
        _counters.Bbos++;
        Target!.OnBbo(bbo);
    }

    public void OnTicker(in TickerEvent ticker)
    {
        _counters.Tickers++;
        Target!.OnTicker(ticker);
    }
}
