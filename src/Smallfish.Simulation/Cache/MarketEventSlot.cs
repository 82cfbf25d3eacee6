using Smallfish.Core.MarketData;
using Smallfish.Simulation.Recording;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// One buffered market event of any kind: the reusable holder a <see cref="ReorderBuffer"/> keeps while the event
/// waits for its turn. A book message is copied into a pooled <see cref="BookUpdate"/> the buffer lends the slot (book
/// buffers grow to the largest message they held, so they are pooled apart from the far more numerous trades and
/// quotes); slots and buffers are reused.
/// </summary>
internal sealed class MarketEventSlot
{
    public MarketEventKind Kind;

    /// <summary>Exchange time, the merge key.</summary>
    public long ExchTsNs;

    /// <summary>Arrival number within its source: ties on time keep arrival order.</summary>
    public long Order;

    public TradeEvent Trade;

    public BboEvent Bbo;

    public TickerEvent Ticker;

    /// <summary>The book message (book slots only; lent by the buffer).</summary>
    public BookUpdate? Book;

    /// <summary>Pushes the event to <paramref name="sink"/>.</summary>
    public void DeliverTo(IMarketEventSink sink)
    {
        switch (Kind)
        {
            case MarketEventKind.Book: sink.OnBook(Book!); break;
            case MarketEventKind.Trade: sink.OnTrade(in Trade); break;
            case MarketEventKind.Bbo: sink.OnBbo(in Bbo); break;
            default: sink.OnTicker(in Ticker); break;
        }
    }

    /// <summary>True when this slot comes before <paramref name="other"/>: earlier exchange time, then earlier arrival.</summary>
    public bool Precedes(MarketEventSlot other) => ExchTsNs < other.ExchTsNs || (ExchTsNs == other.ExchTsNs && Order < other.Order);
}
