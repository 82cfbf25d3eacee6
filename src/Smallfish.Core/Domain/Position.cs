namespace Smallfish.Core.Domain;

/// <summary>
/// An open position in one symbol. Quantities in lots; the average entry is kept as a decimal number of ticks because
/// fills at different prices average off the grid. Tracks the excursions needed for MAE/MFE.
/// </summary>
public sealed class Position
{
    /// <summary>Opens a position with its first fill.</summary>
    public Position(string symbol, Side side, long qtyLots, long entryPriceTicks, long openedNs, long stopTicks)
    {
        Symbol = symbol;
        Side = side;
        QtyLots = qtyLots;
        EntryPriceTicks = entryPriceTicks;
        OpenedNs = openedNs;
        StopTicks = stopTicks;
        InitialStopTicks = stopTicks;
        InitialQtyLots = qtyLots;
        BestPriceTicks = entryPriceTicks;
        WorstPriceTicks = entryPriceTicks;
    }

    /// <summary>Exchange symbol.</summary>
    public string Symbol { get; }

    /// <summary>Long (buy) or short (sell).</summary>
    public Side Side { get; }

    /// <summary>Open quantity in lots.</summary>
    public long QtyLots { get; set; }

    /// <summary>Largest quantity held, in lots.</summary>
    public long InitialQtyLots { get; set; }

    /// <summary>Average entry price in ticks.</summary>
    public decimal EntryPriceTicks { get; set; }

    /// <summary>Time of the first fill, ns.</summary>
    public long OpenedNs { get; }

    /// <summary>Current protective stop in ticks.</summary>
    public long StopTicks { get; set; }

    /// <summary>Stop at entry: defines 1R.</summary>
    public long InitialStopTicks { get; set; }

    /// <summary>Take-profit price in ticks (0 = none).</summary>
    public long TakeProfitTicks { get; set; }

    /// <summary>Most favourable price seen since entry, ticks.</summary>
    public long BestPriceTicks { get; private set; }

    /// <summary>Least favourable price seen since entry, ticks.</summary>
    public long WorstPriceTicks { get; private set; }

    /// <summary>Realized P&amp;L so far from partial exits, quote currency, before fees.</summary>
    public decimal RealizedPnl { get; set; }

    /// <summary>Fees paid so far (entry and partial exits), quote currency.</summary>
    public decimal Fees { get; set; }

    /// <summary>Funding paid (positive) or received (negative) while open, quote currency.</summary>
    public decimal Funding { get; set; }

    /// <summary>True once a partial take-profit was taken.</summary>
    public bool PartialTaken { get; set; }

    /// <summary>Initial risk per lot in ticks: |entry - initial stop|.</summary>
    public decimal RiskTicks => Math.Abs(EntryPriceTicks - InitialStopTicks);

    /// <summary>Favourable excursion so far in ticks (MFE).</summary>
    public decimal MaxFavourableTicks => Math.Max(0, (BestPriceTicks - EntryPriceTicks) * Side.Sign());

    /// <summary>Adverse excursion so far in ticks (MAE, positive number).</summary>
    public decimal MaxAdverseTicks => Math.Max(0, (EntryPriceTicks - WorstPriceTicks) * Side.Sign());

    /// <summary>Updates the excursion trackers with a new mark price.</summary>
    public void Mark(long priceTicks)
    {
        if (Side == Side.Buy)
        {
            if (priceTicks > BestPriceTicks) BestPriceTicks = priceTicks;
            if (priceTicks < WorstPriceTicks) WorstPriceTicks = priceTicks;
        }
        else
        {
            if (priceTicks < BestPriceTicks) BestPriceTicks = priceTicks;
            if (priceTicks > WorstPriceTicks) WorstPriceTicks = priceTicks;
        }
    }

    /// <summary>Unrealized P&amp;L in ticks x lots at <paramref name="markTicks"/>.</summary>
    public decimal UnrealizedTickLots(long markTicks) => (markTicks - EntryPriceTicks) * QtyLots * Side.Sign();
}
