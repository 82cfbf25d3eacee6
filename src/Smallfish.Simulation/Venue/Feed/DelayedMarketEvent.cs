using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Venue.Feed;

/// <summary>One market event waiting in the <see cref="FeedDelayLine"/>; stored by value.</summary>
internal readonly struct DelayedMarketEvent
{
    public DelayedMarketEvent(BookUpdate book)
    {
        Kind = MarketEventKind.Book;
        Book = book;
    }

    public DelayedMarketEvent(in TradeEvent trade)
    {
        Kind = MarketEventKind.Trade;
        Trade = trade;
    }

    public DelayedMarketEvent(in BboEvent bbo)
    {
        Kind = MarketEventKind.Bbo;
        Bbo = bbo;
    }

    public DelayedMarketEvent(in TickerEvent ticker)
    {
        Kind = MarketEventKind.Ticker;
        Ticker = ticker;
    }

    public MarketEventKind Kind { get; }

    public BookUpdate? Book { get; }

    public TradeEvent Trade { get; }

    public BboEvent Bbo { get; }

    public TickerEvent Ticker { get; }
}

/// <summary>Which field of a <see cref="DelayedMarketEvent"/> is set.</summary>
internal enum MarketEventKind : byte
{
    Book,
    Trade,
    Bbo,
    Ticker,
}
