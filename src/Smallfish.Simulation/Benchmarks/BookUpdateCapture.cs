using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>Keeps a copy of every book message pushed to it, in order (for timing the book without the parser).</summary>
internal sealed class BookUpdateCapture : IMarketEventSink
{
    public List<BookUpdate> Updates { get; } = new();

    public void OnBook(BookUpdate update)
    {
        var copy = new BookUpdate();
        copy.CopyFrom(update);
        Updates.Add(copy);
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
