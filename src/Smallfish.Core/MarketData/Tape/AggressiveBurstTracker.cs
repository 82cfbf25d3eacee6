using Smallfish.Core.Domain;

namespace Smallfish.Core.MarketData.Tape;

/// <summary>
/// Follows aggressive bursts for sweep detection: consecutive same-side trades with gaps of at most the burst gap form
/// one burst; the number of distinct price levels a burst trades through in its own direction is its depth. The
/// latest burst that reached the sweep threshold is kept as <see cref="LastSweep"/> (updated while it grows).
/// </summary>
public sealed class AggressiveBurstTracker
{
    private readonly long _maxGapNs;
    private readonly int _minLevels;
    private AggressiveBurst _current;
    private AggressiveBurst _lastSweep;

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxGapNs">Longest pause between same-side trades inside one burst, ns.</param>
    /// <param name="minLevels">Levels a burst must cross to count as a sweep (&gt;= 2).</param>
    public AggressiveBurstTracker(long maxGapNs, int minLevels)
    {
        if (maxGapNs < 0) throw new ArgumentOutOfRangeException(nameof(maxGapNs), maxGapNs, "must be >= 0");
        if (minLevels < 2) throw new ArgumentOutOfRangeException(nameof(minLevels), minLevels, "must be >= 2");
        _maxGapNs = maxGapNs;
        _minLevels = minLevels;
    }

    /// <summary>The burst in progress (or the last one, once it has ended); default before the first trade.</summary>
    public AggressiveBurst Current => _current;

    /// <summary>The latest burst that crossed at least the sweep threshold of levels; default when none yet.</summary>
    public AggressiveBurst LastSweep => _lastSweep;

    /// <summary>Number of bursts that reached the sweep threshold.</summary>
    public long SweepCount { get; private set; }

    /// <summary>Feeds one trade (in tape order).</summary>
    public void OnTrade(Side side, long tsNs, long priceTicks, long qtyLots)
    {
        var c = _current;
        if (c.HasValue && c.Side == side && tsNs - c.LastNs <= _maxGapNs)
        {
            bool beyond = side == Side.Buy ? priceTicks > c.ExtremePriceTicks : priceTicks < c.ExtremePriceTicks;
            _current = c with
            {
                LastNs = tsNs,
                ExtremePriceTicks = beyond ? priceTicks : c.ExtremePriceTicks,
                Levels = beyond ? c.Levels + 1 : c.Levels,
                Lots = c.Lots + qtyLots,
                Trades = c.Trades + 1,
            };
        }
        else
        {
            _current = new AggressiveBurst(side, tsNs, tsNs, priceTicks, priceTicks, 1, qtyLots, 1);
        }

        if (_current.Levels >= _minLevels)
        {
            if (_current.Levels == _minLevels && _current.Levels != c.Levels) SweepCount++;
            _lastSweep = _current;
        }
    }

    /// <summary>Forgets all bursts.</summary>
    public void Clear()
    {
        _current = default;
        _lastSweep = default;
    }
}
