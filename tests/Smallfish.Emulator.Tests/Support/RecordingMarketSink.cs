using Smallfish.Core.MarketData;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>Collects copies of the market events a parser pushed.</summary>
internal sealed class RecordingMarketSink : IMarketEventSink
{
    public List<BookUpdate> Books { get; } = new();

    public List<TradeEvent> Trades { get; } = new();

    public List<BboEvent> Bbos { get; } = new();

    public List<TickerEvent> Tickers { get; } = new();

    public int Total => Books.Count + Trades.Count + Bbos.Count + Tickers.Count;

    public void OnBook(BookUpdate update)
    {
        var copy = new BookUpdate();
        copy.CopyFrom(update);
        Books.Add(copy);
    }

    public void OnTrade(in TradeEvent trade) => Trades.Add(trade);

    public void OnBbo(in BboEvent bbo) => Bbos.Add(bbo);

    public void OnTicker(in TickerEvent ticker) => Tickers.Add(ticker);
}
