using Smallfish.Core.MarketData;
using Smallfish.Simulation.Replay;

namespace Smallfish.Core.Tests.TestSupport;

/// <summary>
/// Sits downstream of a <see cref="ReplayBookDriver"/> (so it sees each book already updated) and records what the
/// cross-checks need: the best bid/ask after every applied book message keyed by update id or sequence, every BBO,
/// and how often the book was seen valid or invalid.
/// </summary>
internal sealed class BookProbe : IMarketEventSink
{
    private ReplayBookDriver? _driver;

    public ReplayBookDriver Driver { set => _driver = value; }

    /// <summary>Per symbol: (update id u, sequence, best bid, best ask) after each message that left the book valid.</summary>
    public Dictionary<int, List<(long U, long Seq, long Bid, long Ask)>> States { get; } = new();

    /// <summary>Every BBO, with the book's state at its arrival.</summary>
    public List<(BboEvent Bbo, bool Valid, long BookU, long Bid, long Ask)> Bbos { get; } = new();

    /// <summary>Events seen (any kind) while the symbol's book was valid, after <see cref="WatchFrom"/> was set.</summary>
    public long ValidAfterWatch { get; private set; }

    /// <summary>Book messages seen after <see cref="WatchFrom"/> was set.</summary>
    public long BookMessagesAfterWatch { get; private set; }

    /// <summary>When true, <see cref="ValidAfterWatch"/> counts.</summary>
    public bool WatchFrom { get; set; }

    public void OnBook(BookUpdate update)
    {
        var book = _driver!.Book(update.SymbolId);
        if (WatchFrom)
        {
            BookMessagesAfterWatch++;
            if (book.IsValid) ValidAfterWatch++;
        }
        if (book.IsValid && _driver.LastResult is BookSyncResult.Applied or BookSyncResult.Synced)
        {
            if (!States.TryGetValue(update.SymbolId, out var list)) States[update.SymbolId] = list = new();
            list.Add((book.LastUpdateId, update.Sequence, book.BestBid, book.BestAsk));
        }
    }

    public void OnTrade(in TradeEvent trade) => Watch(trade.SymbolId);

    public void OnBbo(in BboEvent bbo)
    {
        var book = _driver!.Book(bbo.SymbolId);
        Bbos.Add((bbo, book.IsValid, book.LastUpdateId, book.BestBid, book.BestAsk));
        Watch(bbo.SymbolId);
    }

    public void OnTicker(in TickerEvent ticker)
    {
    }

    private void Watch(int symbolId)
    {
        if (WatchFrom && _driver!.Book(symbolId).IsValid) ValidAfterWatch++;
    }
}
