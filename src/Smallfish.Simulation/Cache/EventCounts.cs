namespace Smallfish.Simulation.Cache;

/// <summary>Market events by kind.</summary>
/// <param name="Books">Order-book snapshots and deltas.</param>
/// <param name="Trades">Trades.</param>
/// <param name="Bbos">Best bid/offer quotes.</param>
/// <param name="Tickers">Tickers.</param>
public readonly record struct EventCounts(long Books, long Trades, long Bbos, long Tickers)
{
    /// <summary>All events.</summary>
    public long Total => Books + Trades + Bbos + Tickers;
}
