using Smallfish.Core.Collections;
using Smallfish.Core.Domain;

namespace Smallfish.Core.MarketData.Tape;

/// <summary>
/// Classifies taker orders as large relative to the recent size distribution. Consecutive prints with the same aggressor
/// and the same exchange timestamp are one taker order (an exchange reports one fill per maker order it matched). An
/// order is large once its size reaches the smallest size above the configured quantile of the last N completed
/// orders (a <see cref="LogSizeHistogram"/>, so nothing is sorted per trade). Large orders go to a ring buffer of
/// (time, side, size, price) for burst detection.
/// </summary>
public sealed class LargeTradeDetector
{
    private readonly LogSizeHistogram _histogram = new();
    private readonly long[] _sizes;
    private readonly double _percentile;
    private readonly int _minSamples;
    private int _sizesHead;
    private int _sizesCount;

    private bool _open;
    private Side _side;
    private long _exchTsNs;
    private long _lots;
    private long _firstPriceTicks;
    private long _firstStampNs;
    private long _threshold = long.MaxValue;
    private bool _flagged;

    /// <summary>Creates a detector.</summary>
    /// <param name="percentile">Quantile above which an order is large, in (0, 1).</param>
    /// <param name="lookbackOrders">Completed taker orders in the distribution.</param>
    /// <param name="minSamples">Orders needed before anything is classified as large.</param>
    /// <param name="historyCapacity">Capacity of the ring of recent large orders.</param>
    public LargeTradeDetector(double percentile, int lookbackOrders, int minSamples, int historyCapacity)
    {
        if (percentile is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "must be in (0, 1)");
        if (lookbackOrders < 1) throw new ArgumentOutOfRangeException(nameof(lookbackOrders), lookbackOrders, "must be >= 1");
        _percentile = percentile;
        _minSamples = Math.Clamp(minSamples, 1, lookbackOrders);
        _sizes = new long[lookbackOrders];
        Recent = new RingBuffer<LargeTrade>(historyCapacity);
    }

    /// <summary>Recent large taker orders, oldest first.</summary>
    public RingBuffer<LargeTrade> Recent { get; }

    /// <summary>Completed taker orders currently in the size distribution.</summary>
    public int Samples => _sizesCount;

    /// <summary>Total number of orders classified as large.</summary>
    public long LargeCount { get; private set; }

    /// <summary>
    /// Size (lots) from which a new taker order counts as large, from the current distribution;
    /// <see cref="long.MaxValue"/> until enough samples are in.
    /// </summary>
    public long ThresholdLots => _sizesCount >= _minSamples ? _histogram.SizeAboveQuantile(_percentile) : long.MaxValue;

    /// <summary>The histogram of completed taker-order sizes.</summary>
    public LogSizeHistogram Histogram => _histogram;

    /// <summary>
    /// Feeds one print. Returns true when this print made its taker order large (once per order); later prints of a
    /// large order add their size to its entry in <see cref="Recent"/>.
    /// </summary>
    public bool OnTrade(Side side, long exchTsNs, long stampNs, long priceTicks, long qtyLots)
    {
        if (!_open || side != _side || exchTsNs != _exchTsNs)
        {
            CloseOrder();
            _open = true;
            _side = side;
            _exchTsNs = exchTsNs;
            _lots = 0;
            _firstPriceTicks = priceTicks;
            _firstStampNs = stampNs;
            _flagged = false;
            _threshold = ThresholdLots; // frozen for the whole order
        }

        _lots += qtyLots;
        if (_flagged)
        {
            ref var newest = ref Recent.Newest;
            newest = newest with { QtyLots = _lots };
            return false;
        }
        if (_lots < _threshold) return false;
        _flagged = true;
        LargeCount++;
        Recent.Add(new LargeTrade(_firstStampNs, side, _lots, _firstPriceTicks));
        return true;
    }

    /// <summary>Counts and volumes of large orders whose first print is inside (now - window, now].</summary>
    public LargeTradeSummary Summarize(long nowNs, long windowNs)
    {
        long limit = nowNs - windowNs;
        long bc = 0, sc = 0, bl = 0, sl = 0;
        for (int i = Recent.Count - 1; i >= 0; i--)
        {
            ref var t = ref Recent[i];
            if (t.TsNs <= limit) break;
            if (t.TsNs > nowNs) continue;
            if (t.Side == Side.Buy)
            {
                bc++;
                bl += t.QtyLots;
            }
            else
            {
                sc++;
                sl += t.QtyLots;
            }
        }
        return new LargeTradeSummary(bc, sc, bl, sl);
    }

    /// <summary>Forgets the distribution, the open order and the large-order history.</summary>
    public void Clear()
    {
        _histogram.Clear();
        _sizesHead = _sizesCount = 0;
        _open = false;
        _flagged = false;
        Recent.Clear();
    }

    private void CloseOrder()
    {
        if (!_open) return;
        _open = false;
        if (_sizesCount == _sizes.Length)
        {
            _histogram.Remove(_sizes[_sizesHead]);
            _sizesHead = _sizesHead + 1 == _sizes.Length ? 0 : _sizesHead + 1;
            _sizesCount--;
        }
        int slot = _sizesHead + _sizesCount;
        if (slot >= _sizes.Length) slot -= _sizes.Length;
        _sizes[slot] = _lots;
        _sizesCount++;
        _histogram.Add(_lots);
    }
}
