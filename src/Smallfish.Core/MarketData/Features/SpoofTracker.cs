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
    private readonly Candidate[] _candidates; // the first _count are live, in no particular order
    private int _count;
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
        _candidates = new Candidate[Math.Max(1, capacity)];
        _pulled = new DecayingSum(fadeNs);
        _pulledSlow = new DecayingSum(baselineNs);
    }

    /// <summary>Confirmed pulls since creation.</summary>
    public long PullCount { get; private set; }

    /// <summary>Candidates (large adds near the touch) since creation.</summary>
    public long CandidateCount { get; private set; }

    /// <summary>Candidates currently followed.</summary>
    public int LiveCandidates => _count;

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
                _candidates[FreeSlot()] = new Candidate { Price = change.PriceTicks, AddLots = delta, AddNs = nowNs };
                CandidateCount++;
            }
            return;
        }

        long remaining = -delta;
        for (int i = 0; i < _count && remaining > 0; i++)
        {
            ref var c = ref _candidates[i];
            if (c.Price != change.PriceTicks || nowNs - c.AddNs > _lifetimeNs) continue; // too old: Advance drops it
            long open = c.AddLots - c.PulledLots;
            if (open <= 0) continue;
            long pull = Math.Min(open, remaining);
            c.PulledLots += pull;
            if (c.PullNs == 0) c.PullNs = nowNs;
            remaining -= pull;
        }
    }

    /// <summary>Feeds a trade that hit this side (a taker sell for the bid side): it explains decreases at or through its price.</summary>
    public void OnTrade(long priceTicks, long qtyLots)
    {
        for (int i = 0; i < _count; i++)
        {
            ref var c = ref _candidates[i];
            if (_bid ? c.Price >= priceTicks : c.Price <= priceTicks) c.TradedLots += qtyLots;
        }
    }

    /// <summary>Confirms pulls whose grace period has passed and drops candidates that outlived their lifetime.</summary>
    public void Advance(long nowNs)
    {
        for (int i = 0; i < _count;)
        {
            ref var c = ref _candidates[i];
            bool done;
            if (c.PulledLots > 0)
            {
                done = nowNs - c.PullNs >= _graceNs;
                long confirmed = c.PulledLots - c.TradedLots;
                if (done && confirmed > 0)
                {
                    _pulled.Add(nowNs, confirmed);
                    _pulledSlow.Add(nowNs, confirmed);
                    PullCount++;
                }
            }
            else
            {
                done = nowNs - c.AddNs > _lifetimeNs; // rested long enough: an honest order
            }
            if (done) _candidates[i] = _candidates[--_count];
            else i++;
        }
    }

    /// <summary>Forgets candidates and the score.</summary>
    public void Clear()
    {
        _count = 0;
        _pulled.Clear();
        _pulledSlow.Clear();
    }

    // A new slot; when all are taken, the oldest candidate is replaced.
    private int FreeSlot()
    {
        if (_count < _candidates.Length) return _count++;
        int oldest = 0;
        for (int i = 1; i < _count; i++)
        {
            if (_candidates[i].AddNs < _candidates[oldest].AddNs) oldest = i;
        }
        return oldest;
    }

    private struct Candidate
    {
        public long Price;
        public long AddLots;
        public long AddNs;
        public long PulledLots;
        public long PullNs;
        public long TradedLots;
    }
}
