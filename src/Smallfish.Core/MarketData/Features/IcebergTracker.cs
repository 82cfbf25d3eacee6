namespace Smallfish.Core.MarketData.Features;

/// <summary>
/// Iceberg (refill) detection for one side: an episode follows the price level that taker flow is hitting on this side.
/// It counts the volume traded at that price, the largest size ever visible there, and how often the level grew again
/// after being hit (refills, from the book's <see cref="LevelChange"/> log). Volume traded beyond the largest visible
/// size while the level keeps refilling is evidence of hidden size. A trade at another price on this side starts a new
/// episode; an episode ends after the inactivity window.
/// </summary>
public sealed class IcebergTracker
{
    private readonly long _windowNs;
    private readonly int _minRefills;
    private bool _active;
    private long _lastNs;

    /// <summary>Creates a tracker.</summary>
    /// <param name="windowNs">Inactivity after which an episode ends, ns.</param>
    /// <param name="minRefills">Refills needed before excess volume counts.</param>
    public IcebergTracker(long windowNs, int minRefills)
    {
        _windowNs = windowNs;
        _minRefills = minRefills;
    }

    /// <summary>Price of the current episode's level, ticks (0 when none).</summary>
    public long PriceTicks { get; private set; }

    /// <summary>Volume traded at the level during the episode, lots.</summary>
    public long TradedLots { get; private set; }

    /// <summary>Largest size seen resting at the level during the episode, lots.</summary>
    public long MaxVisibleLots { get; private set; }

    /// <summary>Times the level grew again after it was first hit.</summary>
    public long Refills { get; private set; }

    /// <summary>True while an episode is running at <paramref name="nowNs"/>.</summary>
    public bool IsActive(long nowNs) => _active && nowNs - _lastNs <= _windowNs;

    /// <summary>Refills of the running episode at <paramref name="nowNs"/> (0 when none).</summary>
    public long RefillsAt(long nowNs) => IsActive(nowNs) ? Refills : 0;

    /// <summary>
    /// Iceberg score in [0, 1): the share of the episode's traded volume beyond the largest visible size, once the level
    /// refilled at least the minimum number of times; 0 otherwise.
    /// </summary>
    public double Score(long nowNs)
    {
        if (!IsActive(nowNs) || Refills < _minRefills || TradedLots <= MaxVisibleLots) return 0;
        return (double)(TradedLots - MaxVisibleLots) / TradedLots;
    }

    /// <summary>Feeds a trade that hit this side; <paramref name="visibleLots"/> is the book's size at that price now.</summary>
    public void OnTrade(long priceTicks, long qtyLots, long visibleLots, long nowNs)
    {
        if (!IsActive(nowNs) || priceTicks != PriceTicks)
        {
            _active = true;
            PriceTicks = priceTicks;
            TradedLots = 0;
            Refills = 0;
            MaxVisibleLots = Math.Max(visibleLots, qtyLots);
        }
        TradedLots += qtyLots;
        if (visibleLots > MaxVisibleLots) MaxVisibleLots = visibleLots;
        _lastNs = nowNs;
    }

    /// <summary>Feeds a change of this side's book.</summary>
    public void OnChange(in LevelChange change, long nowNs)
    {
        if (!IsActive(nowNs) || change.PriceTicks != PriceTicks) return;
        if (change.NewLots > change.PrevLots && TradedLots > 0) Refills++;
        long seen = Math.Max(change.PrevLots, change.NewLots);
        if (seen > MaxVisibleLots) MaxVisibleLots = seen;
    }

    /// <summary>Ends the episode.</summary>
    public void Clear()
    {
        _active = false;
        PriceTicks = TradedLots = MaxVisibleLots = Refills = 0;
    }
}
