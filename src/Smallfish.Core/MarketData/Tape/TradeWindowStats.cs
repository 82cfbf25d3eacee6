namespace Smallfish.Core.MarketData.Tape;

/// <summary>
/// Totals of the trades inside one rolling window of a <see cref="TradeTape"/>. Integer sums, updated by adding a
/// trade when it arrives and subtracting it when it leaves, so they never drift.
/// </summary>
public struct TradeWindowStats
{
    /// <summary>Window length, ns.</summary>
    public long WindowNs;

    /// <summary>Taker-buy volume in the window, lots.</summary>
    public long BuyLots;

    /// <summary>Taker-sell volume in the window, lots.</summary>
    public long SellLots;

    /// <summary>Number of trade prints in the window.</summary>
    public long Count;

    /// <summary>Sum of price x size over the window, ticks x lots (multiply by tick size x qty step for quote currency).</summary>
    public long NotionalTickLots;

    /// <summary>Total volume in the window, lots.</summary>
    public readonly long VolumeLots => BuyLots + SellLots;

    /// <summary>Cumulative volume delta of the window (buy - sell), lots.</summary>
    public readonly long CvdLots => BuyLots - SellLots;

    /// <summary>Volume-weighted average price of the window in ticks; NaN when the window holds no volume.</summary>
    public readonly double VwapTicks => VolumeLots > 0 ? (double)NotionalTickLots / VolumeLots : double.NaN;

    /// <summary>Trade prints per second over the full window length.</summary>
    public readonly double TradesPerSecond => Count * 1e9 / WindowNs;

    /// <summary>CVD divided by volume, in [-1, 1]; 0 when the window holds no volume.</summary>
    public readonly double CvdNorm => VolumeLots > 0 ? (double)CvdLots / VolumeLots : 0;

    internal void Add(long priceTicks, long qtyLots, bool buy)
    {
        if (buy) BuyLots += qtyLots;
        else SellLots += qtyLots;
        Count++;
        NotionalTickLots += priceTicks * qtyLots;
    }

    internal void Remove(long priceTicks, long qtyLots, bool buy)
    {
        if (buy) BuyLots -= qtyLots;
        else SellLots -= qtyLots;
        Count--;
        NotionalTickLots -= priceTicks * qtyLots;
    }

    internal void Clear()
    {
        BuyLots = SellLots = Count = NotionalTickLots = 0;
    }
}
