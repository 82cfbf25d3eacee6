using Smallfish.Core.MarketData;

namespace Smallfish.Core.Tests.TestSupport;

/// <summary>Forwards every event except the n-th delta (1-based) of one symbol: a line lost from the real stream.</summary>
internal sealed class DropNthDelta(IMarketEventSink next, int symbolId, int n, Action? onDropped = null) : IMarketEventSink
{
    private int _deltas;

    public bool Dropped { get; private set; }

    public long DroppedUpdateId { get; private set; }

    public void OnBook(BookUpdate update)
    {
        if (update.SymbolId == symbolId && update.Kind == BookUpdateKind.Delta && ++_deltas == n)
        {
            Dropped = true;
            DroppedUpdateId = update.LastUpdateId;
            onDropped?.Invoke();
            return;
        }
        next.OnBook(update);
    }

    public void OnTrade(in TradeEvent trade) => next.OnTrade(trade);

    public void OnBbo(in BboEvent bbo) => next.OnBbo(bbo);

    public void OnTicker(in TickerEvent ticker) => next.OnTicker(ticker);
}
