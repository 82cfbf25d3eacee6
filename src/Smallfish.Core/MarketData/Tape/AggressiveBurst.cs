using Smallfish.Core.Domain;

namespace Smallfish.Core.MarketData.Tape;

/// <summary>
/// A run of consecutive same-side trades, each within the burst gap of the previous one: the footprint of an aggressive
/// order (or a quick series of them) walking the book.
/// </summary>
/// <param name="Side">Aggressor side.</param>
/// <param name="StartNs">Tape time of the first trade, ns.</param>
/// <param name="LastNs">Tape time of the latest trade, ns.</param>
/// <param name="FirstPriceTicks">Price of the first trade, ticks.</param>
/// <param name="ExtremePriceTicks">Furthest price reached in the aggressive direction (highest for buys, lowest for sells), ticks.</param>
/// <param name="Levels">Distinct price levels traded through in the aggressive direction (1 = one price).</param>
/// <param name="Lots">Volume of the burst, lots.</param>
/// <param name="Trades">Number of prints.</param>
public readonly record struct AggressiveBurst(
    Side Side,
    long StartNs,
    long LastNs,
    long FirstPriceTicks,
    long ExtremePriceTicks,
    int Levels,
    long Lots,
    int Trades)
{
    /// <summary>True for a real burst; the default value (no burst) has no levels.</summary>
    public bool HasValue => Levels > 0;

    /// <summary>Price distance covered in the aggressive direction, ticks (&gt;= 0).</summary>
    public long TicksMoved => Math.Abs(ExtremePriceTicks - FirstPriceTicks);
}
