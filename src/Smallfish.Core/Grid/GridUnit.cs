using Smallfish.Core.Domain;

namespace Smallfish.Core.Grid;

/// <summary>
/// Inventory opened by one level order and not yet closed: what its take-profit must close. The grid's units are
/// always on one side (a fill against the inventory closes units before it opens any), so their lots sum to the
/// absolute net inventory.
/// </summary>
internal sealed class GridUnit
{
    public GridUnit(long id, Side side, long keyTicks, long takeProfitTicks, GridOrder? levelOrder, long openedNs)
    {
        Id = id;
        Side = side;
        KeyTicks = keyTicks;
        TakeProfitTicks = takeProfitTicks;
        LevelOrder = levelOrder;
        OpenedNs = openedNs;
    }

    public long Id { get; }

    /// <summary>Side of the fills that opened it (buy = long inventory).</summary>
    public Side Side { get; }

    /// <summary>The level's lattice price: occupied until this unit is closed.</summary>
    public long KeyTicks { get; }

    /// <summary>Nominal take-profit price: the entry one spacing toward profit.</summary>
    public long TakeProfitTicks { get; }

    /// <summary>The level order whose fills opened it (null when it came from another kind of order).</summary>
    public GridOrder? LevelOrder { get; }

    public long OpenedNs { get; }

    /// <summary>Average entry price of the open lots, ticks.</summary>
    public decimal EntryTicks { get; private set; }

    public long OpenLots { get; private set; }

    /// <summary>Entry fees of the open lots, quote currency.</summary>
    public decimal EntryFees { get; private set; }

    /// <summary>Ticks the take-profit is moved away from the market after post-only rejects.</summary>
    public int TakeProfitOffsetTicks { get; set; }

    /// <summary>True while the next take-profit re-prices the one rejected post-only (same sequence, next attempt).</summary>
    public bool RetryPending { get; set; }

    /// <summary>Sequence and attempt of the last take-profit that was rejected post-only.</summary>
    public long RetrySequence { get; set; }

    public int RetryAttempt { get; set; }

    /// <summary>True when the venue refused its take-profit for a reason a re-price cannot fix; the grid stop still covers it.</summary>
    public bool TakeProfitBlocked { get; set; }

    public void Add(long priceTicks, long lots, decimal fee)
    {
        EntryTicks = (EntryTicks * OpenLots + (decimal)priceTicks * lots) / (OpenLots + lots);
        OpenLots += lots;
        EntryFees += fee;
    }

    /// <summary>Removes <paramref name="lots"/> and returns their share of the entry fees.</summary>
    public decimal Remove(long lots)
    {
        decimal share = lots == OpenLots ? EntryFees : EntryFees * lots / OpenLots;
        EntryFees -= share;
        OpenLots -= lots;
        return share;
    }
}
