using Smallfish.Core.MarketData;
using Smallfish.Simulation.Recording;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// One buffered market event of any kind: the reusable holder a <see cref="ReorderBuffer"/> keeps while the event
/// waits for its turn. Book messages are copied into the slot's own <see cref="BookUpdate"/>, so slots (and their level
/// arrays) are pooled and reused.
/// </summary>
internal sealed class MarketEventSlot
{
    private BookUpdate? _book;

    public MarketEventKind Kind;

    /// <summary>Exchange time, the merge key.</summary>
    public long ExchTsNs;

    /// <summary>Arrival number within its source: ties on time keep arrival order.</summary>
    public long Order;

    public TradeEvent Trade;

    public BboEvent Bbo;

    public TickerEvent Ticker;

    public BookUpdate Book => _book ??= new BookUpdate();

    /// <summary>Pushes the event to <paramref name="sink"/>.</summary>
    public void DeliverTo(IMarketEventSink sink)
    {
        switch (Kind)
        {
            case MarketEventKind.Book: sink.OnBook(_book!); break;
            case MarketEventKind.Trade: sink.OnTrade(in Trade); break;
            case MarketEventKind.Bbo: sink.OnBbo(in Bbo); break;
            default: sink.OnTicker(in Ticker); break;
        }
    }

    /// <summary>True when this slot comes before <paramref name="other"/>: earlier exchange time, then earlier arrival.</summary>
    public bool Precedes(MarketEventSlot other) => ExchTsNs < other.ExchTsNs || (ExchTsNs == other.ExchTsNs && Order < other.Order);
}
