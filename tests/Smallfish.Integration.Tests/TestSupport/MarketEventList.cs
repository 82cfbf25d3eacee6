using Smallfish.Core.MarketData;

namespace Smallfish.Integration.Tests.TestSupport;

/// <summary>A list of owned market events (books are copies) that can be replayed into any sink, in order.</summary>
internal sealed class MarketEventList
{
    private readonly List<object> _events = new();

    public int Count => _events.Count;

    public void Add(BookUpdate update)
    {
        var copy = new BookUpdate();
        copy.CopyFrom(update);
        _events.Add(copy);
    }

    public void Add(TradeEvent trade) => _events.Add(trade);

    public void Add(BboEvent bbo) => _events.Add(bbo);

    public void Add(TickerEvent ticker) => _events.Add(ticker);

    public int CountOf<T>() => _events.Count(e => e is T);

    public void ReplayInto(IMarketEventSink sink)
    {
        foreach (var e in _events)
        {
            switch (e)
            {
                case BookUpdate b: sink.OnBook(b); break;
                case TradeEvent t: sink.OnTrade(t); break;
                case BboEvent q: sink.OnBbo(q); break;
                case TickerEvent k: sink.OnTicker(k); break;
            }
        }
    }

    public List<string> Texts()
    {
        var capture = new CapturingSink();
        ReplayInto(capture);
        return capture.Events;
    }
}
