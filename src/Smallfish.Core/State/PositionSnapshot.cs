using Smallfish.Core.Domain;

namespace Smallfish.Core.State;

/// <summary>An immutable copy of an open position (prices in ticks, sizes in lots).</summary>
public sealed record PositionSnapshot(
    string Symbol,
    Side Side,
    long QtyLots,
    decimal EntryPriceTicks,
    long StopTicks,
    long TakeProfitTicks,
    long OpenedNs,
    bool PartialTaken,
    decimal RealizedPnl,
    decimal Fees)
{
    /// <summary>Copies <paramref name="p"/>.</summary>
    public static PositionSnapshot From(Position p) =>
        new(p.Symbol, p.Side, p.QtyLots, p.EntryPriceTicks, p.StopTicks, p.TakeProfitTicks, p.OpenedNs, p.PartialTaken, p.RealizedPnl, p.Fees);
}
