namespace Smallfish.Simulation.Venue.Positions;

/// <summary>The simulated venue's view of one symbol's position and what it has cost so far.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="NetLots">Signed quantity in lots (positive = long).</param>
/// <param name="AvgEntryTicks">Average entry price in ticks (0 when flat).</param>
/// <param name="RealizedPnl">P&amp;L realized by reducing fills, quote currency, before fees and funding.</param>
/// <param name="Fees">Trading fees paid on this symbol, quote currency (negative = net rebate).</param>
/// <param name="Funding">Funding paid on this symbol, quote currency (negative = received).</param>
public readonly record struct VenuePosition(
    string Symbol,
    long NetLots,
    decimal AvgEntryTicks,
    decimal RealizedPnl,
    decimal Fees,
    decimal Funding);
