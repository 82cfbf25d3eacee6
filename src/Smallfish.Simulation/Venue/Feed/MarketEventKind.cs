namespace Smallfish.Simulation.Venue.Feed;

/// <summary>The kind of a market event waiting in the <see cref="FeedDelayLine"/>: which payload queue holds it.</summary>
internal enum MarketEventKind : byte
{
    Book,
    Trade,
    Bbo,
    Ticker,
}
