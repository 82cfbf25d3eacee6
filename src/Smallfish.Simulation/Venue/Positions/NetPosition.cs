using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Venue.Positions;

/// <summary>
/// A one-way (net) position as an exchange keeps it: signed lots and the average entry price in ticks. Fills on the
/// position's side add to it at a weighted average entry; fills on the other side reduce it and realize P&amp;L
/// against the average entry; a fill larger than the position closes it and opens the rest the other way at the fill
/// price.
/// </summary>
public sealed class NetPosition
{
    /// <summary>Signed quantity in lots: positive = long, negative = short, 0 = flat.</summary>
    public long NetLots { get; private set; }

    /// <summary>Average entry price in ticks (0 when flat).</summary>
    public decimal AvgEntryTicks { get; private set; }

    /// <summary>Lots a reduce-only order on <paramref name="side"/> may still fill (0 when it would not reduce).</summary>
    public long ReducibleBy(Side side) => side == Side.Sell ? Math.Max(0, NetLots) : Math.Max(0, -NetLots);

    /// <summary>
    /// Applies a fill of <paramref name="lots"/> at <paramref name="priceTicks"/> on <paramref name="side"/>.
    /// Returns the P&amp;L realized by the reducing part, in ticks x lots (positive = profit).
    /// </summary>
    public decimal Apply(Side side, long priceTicks, long lots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lots);
        long signed = side == Side.Buy ? lots : -lots;
        if (NetLots == 0 || Math.Sign(NetLots) == Math.Sign(signed))
        {
            long total = NetLots + signed;
            AvgEntryTicks = (AvgEntryTicks * Math.Abs(NetLots) + (decimal)priceTicks * lots) / Math.Abs(total);
            NetLots = total;
            return 0m;
        }

        long closing = Math.Min(lots, Math.Abs(NetLots));
        decimal realized = (priceTicks - AvgEntryTicks) * closing * Math.Sign(NetLots);
        long after = NetLots + signed;
        if (after == 0) AvgEntryTicks = 0;
        else if (Math.Sign(after) != Math.Sign(NetLots)) AvgEntryTicks = priceTicks; // flipped: the rest opened here
        NetLots = after;
        return realized;
    }
}
