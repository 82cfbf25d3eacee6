using System.Threading.Channels;
using Smallfish.Core.MarketData;

namespace Smallfish.Service.Engine;

/// <summary>
/// The loop's market-data entrance, called on the stream's consumer task: copies each event into the queue without
/// blocking. When the queue is full the event is dropped and counted (the stream must never stall on a slow engine);
/// a dropped book message breaks the book's sequence, so the owner is told to resync that symbol.
/// </summary>
internal sealed class LoopMarketSink(ChannelWriter<EngineInput> writer, BookUpdatePool pool, EngineLoopCounters counters) : IMarketEventSink
{
    /// <summary>Raised (on the producer's thread) when a book message of a symbol id was dropped.</summary>
    public event Action<int>? BookDropped;

    public void OnBook(BookUpdate update)
    {
        BookUpdate copy = pool.Rent();
        copy.CopyFrom(update);
        if (writer.TryWrite(EngineInput.ForBook(copy))) return;
        pool.Return(copy);
        counters.DroppedMarketEvent();
        BookDropped?.Invoke(update.SymbolId);
    }

    public void OnTrade(in TradeEvent trade)
    {
        if (!writer.TryWrite(EngineInput.ForTrade(trade))) counters.DroppedMarketEvent();
    }

    public void OnBbo(in BboEvent bbo)
    {
        if (!writer.TryWrite(EngineInput.ForBbo(bbo))) counters.DroppedMarketEvent();
    }

    public void OnTicker(in TickerEvent ticker)
    {
        if (!writer.TryWrite(EngineInput.ForTicker(ticker))) counters.DroppedMarketEvent();
    }
}
