using Smallfish.Core.Domain;

namespace Smallfish.Core.MarketData.Features;

/// <summary>
/// Pull-and-replace (spoofing) detection for one side of one book, fed by the book's <see cref="LevelChange"/> log and
/// the trades. A large add near the touch becomes a candidate; when its level shrinks within the candidate lifetime the
/// decrease is a tentative pull; after a grace period for late trade prints, the part of the pull that trades at or
/// through that price do not explain is confirmed as pulled size. Confirmed pulled size accumulates in a fading sum.
/// Replacing the size and pulling it again simply makes a new candidate, so repeated pull-and-replace keeps the sum up.
/// A second, slow sum of the same pulls gives the usual amount of pulling the score is measured against.
/// </summary>
public sealed class SpoofTracker
{
    private readonly bool _bid;
    private readonly long _maxDistanceTicks;
    private readonly double _sizeMultiple;
    private readonly long _lifetimeNs;
    private readonly long _graceNs;
    private readonly long[] _price;
    private readonly long[] _addLots;
    private readonly long[] _addNs;
    private readonly long[] _pulledLots;
    private readonly long[] _pullNs;
    private readonly long[] _tradedLots;
    private readonly bool[] _active;
    private DecayingSum _pulled;
    private DecayingSum _pulledSlow;

    /// <summary>Creates a tracker for the bid (<see cref="Side.Buy"/>) or ask (<see cref="Side.Sell"/>) side.</summary>
    public SpoofTracker(Side side, long maxDistanceTicks, double sizeMultiple, long lifetimeNs, long graceNs, long fadeNs, long baselineNs, int capacity)
    {
        _bid = side == Side.Buy;
        _maxDistanceTicks = maxDistanceTicks;
        _sizeMultiple = sizeMultiple;
        _lifetimeNs = lifetimeNs;
        _graceNs = graceNs;
        int n = Math.Max(1, capacity);
        _price = new long[n];
        _addLots = new long[n];
        _addNs = new long[n];
        _pulledLots = new long[n];
        _pullNs = new long[n];
        _tradedLots = new long[n];
        _active = new bool[n];
        _pulled = new DecayingSum(fadeNs);
        _pulledSlow = new DecayingSum(baselineNs);
    }

    /// <summary>Confirmed pulls since creation.</summary>
    public long PullCount { get; private set; }

    /// <summary>Candidates (large adds near the touch) since creation.</summary>
    public long CandidateCount { get; private set; }

    /// <summary>Confirmed pulled size, faded to <paramref name="nowNs"/>, lots.</summary>
    public double PulledLots(long nowNs) => _pulled.ValueAt(nowNs);

    /// <summary>Confirmed pulled size in the slow (baseline) sum, faded to <paramref name="nowNs"/>, lots.</summary>
    public double PulledSlowLots(long nowNs) => _pulledSlow.ValueAt(nowNs);

    /// <summary>
    /// Spoof score in [0, 1]: faded pulled size over (itself + <paramref name="usualLots"/>), the amount usually pulled
    /// within one fade time. 0 with nothing pulled, 0.5 at the usual amount, toward 1 far above it.
    /// </summary>
    public double Score(long nowNs, double usualLots)
    {
        double p = _pulled.ValueAt(nowNs);
        if (p <= 0) return 0;
        return usualLots > 0 ? p / (p + usualLots) : 1;
    }

    /// <summary>Feeds one level change of this side. <paramref name="averageLevelLots"/> is the side's average level size near the touch without this change.</summary>
    public void OnChange(in LevelChange change, long nowNs, double averageLevelLots)
    {
        long delta = change.DeltaLots;
        if (delta > 0)
        {
            if (change.DistanceTicks <= _maxDistanceTicks && averageLevelLots > 0 && delta >= _sizeMultiple * averageLevelLots)
            {
                int slot = FreeSlot();
                _price[slot] = change.PriceTicks;
                _addLots[slot] = delta;
                _addNs[slot] = nowNs;
                _pulledLots[slot] = 0;
                _pullNs[slot] = 0;
                _tradedLots[slot] = 0;
                _active[slot] = true;
                CandidateCount++;
            }
            return;
        }

        long remaining = -delta;
        for (int i = 0; i < _price.Length && remaining > 0; i++)
        {
            if (!_active[i] || _price[i] != change.PriceTicks) continue;
            if (nowNs - _addNs[i] > _lifetimeNs)
            {
                if (_pulledLots[i] == 0) _active[i] = false; // rested long enough: an honest order
                continue;
            }
            long open = _addLots[i] - _pulledLots[i];
            if (open <= 0) continue;
            long pull = Math.Min(open, remaining);
            _pulledLots[i] += pull;
            if (_pullNs[i] == 0) _pullNs[i] = nowNs;
            remaining -= pull;
        }
    }

    /// <summary>Feeds a trade that hit this side (a taker sell for the bid side): it explains decreases at or through its price.</summary>
    public void OnTrade(long priceTicks, long qtyLots)
    {
        for (int i = 0; i < _price.Length; i++)
        {
            if (!_active[i]) continue;
            bool reached = _bid ? _price[i] >= priceTicks : _price[i] <= priceTicks;
            if (reached) _tradedLots[i] += qtyLots;
        }
    }

    /// <summary>Confirms pulls whose grace period has passed and drops candidates that outlived their lifetime.</summary>
    public void Advance(long nowNs)
    {
        for (int i = 0; i < _price.Length; i++)
        {
            if (!_active[i]) continue;
            if (_pulledLots[i] > 0)
            {
                if (nowNs - _pullNs[i] < _graceNs) continue;
                long confirmed = _pulledLots[i] - _tradedLots[i];
                if (confirmed > 0)
                {
                    _pulled.Add(nowNs, confirmed);
                    _pulledSlow.Add(nowNs, confirmed);
                    PullCount++;
                }
                _active[i] = false;
            }
            else if (nowNs - _addNs[i] > _lifetimeNs)
            {
                _active[i] = false;
            }
        }
    }

    /// <summary>Forgets candidates and the score.</summary>
    public void Clear()
    {
        Array.Clear(_active);
        _pulled.Clear();
        _pulledSlow.Clear();
    }

    // The first free slot; when all are taken, the oldest candidate is replaced.
    private int FreeSlot()
    {
        int oldest = 0;
        for (int i = 0; i < _active.Length; i++)
        {
            if (!_active[i]) return i;
            if (_addNs[i] < _addNs[oldest]) oldest = i;
        }
        return oldest;
    }
}
