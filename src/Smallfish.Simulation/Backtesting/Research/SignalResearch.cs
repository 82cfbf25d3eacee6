using Smallfish.Core.Signals;

namespace Smallfish.Simulation.Backtesting.Research;

/// <summary>
/// Measures how well each signal predicts the mid price: fed a time-ordered stream of samples (time, mid, one score
/// and one active flag per signal), it reports per signal the active rate, and per horizon the information
/// coefficient (Spearman rank correlation of the score with the forward log return ln(mid(t + h) / mid(t))) and the
/// hit rate of the score's direction against the move when the signal was active.
/// </summary>
/// <remarks>
/// <para>mid(t + h) is the mid of the last sample at or before t + h (an as-of lookup on the sample times). A sample
/// whose t + h lies after the last sample has no forward return and is excluded for that horizon.</para>
/// <para>Memory is bounded and the work is streaming: samples wait in a ring of
/// <see cref="SignalResearchOptions.WindowCapacity"/> until their longest horizon elapses; each resolved sample goes
/// to a per-horizon reservoir of <see cref="SignalResearchOptions.ReservoirCapacity"/> rows (a seeded uniform sample
/// once the stream is longer), on which the rank correlation is computed at the end. Active and hit counts are exact.
/// The IC is taken over every sample (an inactive signal contributes its score as given, usually 0).</para>
/// </remarks>
public sealed class SignalResearch
{
    private readonly SignalResearchOptions _options;
    private readonly int _signals;
    private readonly long[] _horizons;
    private readonly int _capacity;

    // the ring of samples waiting for a horizon; sample number s lives at s % capacity
    private readonly long[] _ts;
    private readonly double[] _mid;
    private readonly double[] _scores;
    private readonly bool[] _active;
    private long _next; // number of the next sample
    private readonly long[] _cursor; // per horizon: the oldest sample not yet resolved

    private readonly long[] _activeCounts;
    private readonly long[] _hits;     // [signal * horizons + h]
    private readonly long[] _hitTotals;
    private readonly long[] _dropped;
    private readonly RowReservoir[] _reservoirs;
    private long _invalid;

    /// <summary>Creates an empty study.</summary>
    public SignalResearch(SignalResearchOptions? options = null)
    {
        _options = options ?? new SignalResearchOptions();
        _signals = _options.SignalNames.Count;
        if (_signals == 0) throw new ArgumentException("at least one signal name is required", nameof(options));
        _horizons = [.. _options.HorizonsNs];
        if (_horizons.Length == 0) throw new ArgumentException("at least one horizon is required", nameof(options));
        for (int h = 0; h < _horizons.Length; h++)
        {
            if (_horizons[h] <= 0 || (h > 0 && _horizons[h] <= _horizons[h - 1]))
                throw new ArgumentException("horizons must be positive and ascending", nameof(options));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.WindowCapacity, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ReservoirCapacity, 3, nameof(options));
        _capacity = _options.WindowCapacity;
        _ts = new long[_capacity];
        _mid = new double[_capacity];
        _scores = new double[_capacity * _signals];
        _active = new bool[_capacity * _signals];
        _cursor = new long[_horizons.Length];
        _activeCounts = new long[_signals];
        _hits = new long[_signals * _horizons.Length];
        _hitTotals = new long[_signals * _horizons.Length];
        _dropped = new long[_horizons.Length];
        _reservoirs = new RowReservoir[_horizons.Length];
        for (int h = 0; h < _horizons.Length; h++) _reservoirs[h] = new RowReservoir(_signals, _options.ReservoirCapacity, _options.Seed + (ulong)h);
    }

    /// <summary>Valid samples added.</summary>
    public long Samples => _next;

    /// <summary>
    /// Adds a sample. Times must not decrease. <paramref name="scores"/> and <paramref name="active"/> hold one entry
    /// per signal name. A sample whose mid is not a finite positive number is counted as invalid and ignored.
    /// </summary>
    public void Add(long tsNs, double mid, ReadOnlySpan<double> scores, ReadOnlySpan<bool> active)
    {
        if (scores.Length != _signals || active.Length != _signals)
            throw new ArgumentException($"expected {_signals} scores and active flags");
        if (!double.IsFinite(mid) || mid <= 0)
        {
            _invalid++;
            return;
        }
        if (_next > 0)
        {
            long last = _ts[(int)((_next - 1) % _capacity)];
            if (tsNs < last) throw new ArgumentException($"sample time {tsNs} is before the previous sample's {last}", nameof(tsNs));
            double prevMid = _mid[(int)((_next - 1) % _capacity)];
            Resolve(tsNs, inclusive: false, prevMid);
            if (_next - Oldest() == _capacity) Evict();
        }

        int slot = (int)(_next % _capacity);
        _ts[slot] = tsNs;
        _mid[slot] = mid;
        scores.CopyTo(_scores.AsSpan(slot * _signals, _signals));
        active.CopyTo(_active.AsSpan(slot * _signals, _signals));
        for (int s = 0; s < _signals; s++)
        {
            if (active[s]) _activeCounts[s]++;
        }
        _next++;
    }

    /// <summary>Adds a sample from a fusion result (its time, scores and active flags) and the mid at that time.</summary>
    public void Add(FusionResult fusion, double mid)
    {
        ArgumentNullException.ThrowIfNull(fusion);
        Add(fusion.TsNs, mid, fusion.Scores, fusion.Active);
    }

    /// <summary>Resolves the samples whose horizon ends exactly at the last sample and computes every figure.</summary>
    public SignalResearchResult Complete()
    {
        var excluded = new long[_horizons.Length];
        if (_next > 0)
        {
            int lastSlot = (int)((_next - 1) % _capacity);
            Resolve(_ts[lastSlot], inclusive: true, _mid[lastSlot]);
            for (int h = 0; h < _horizons.Length; h++) excluded[h] = _next - _cursor[h];
        }

        var signals = new SignalResearchStats[_signals];
        var horizonResults = new HorizonResult[_signals][];
        for (int s = 0; s < _signals; s++) horizonResults[s] = new HorizonResult[_horizons.Length];
        bool sampled = false;
        for (int h = 0; h < _horizons.Length; h++)
        {
            var reservoir = _reservoirs[h];
            int n = reservoir.Count;
            sampled |= reservoir.Seen > n;
            var returnRanks = new double[n];
            var scoreColumn = new double[n];
            var scoreRanks = new double[n];
            if (n >= 3) SpearmanCorrelation.AverageRanks(reservoir.Returns, returnRanks);
            for (int s = 0; s < _signals; s++)
            {
                double ic = double.NaN;
                if (n >= 3)
                {
                    reservoir.CopyScores(s, scoreColumn);
                    SpearmanCorrelation.AverageRanks(scoreColumn, scoreRanks);
                    ic = SpearmanCorrelation.Pearson(scoreRanks, returnRanks);
                }
                int k = (s * _horizons.Length) + h;
                double hit = _hitTotals[k] == 0 ? double.NaN : (double)_hits[k] / _hitTotals[k];
                horizonResults[s][h] = new HorizonResult(_horizons[h], HorizonResult.LabelOf(_horizons[h]), ic, n, hit, _hitTotals[k]);
            }
        }
        for (int s = 0; s < _signals; s++)
        {
            double rate = _next == 0 ? double.NaN : (double)_activeCounts[s] / _next;
            signals[s] = new SignalResearchStats(_options.SignalNames[s], rate, horizonResults[s]);
        }
        return new SignalResearchResult(signals, _next, _invalid, excluded, [.. _dropped], sampled);
    }

    private long Oldest()
    {
        long oldest = _next;
        foreach (long c in _cursor) oldest = Math.Min(oldest, c);
        return oldest;
    }

    private void Evict()
    {
        long oldest = Oldest();
        for (int h = 0; h < _horizons.Length; h++)
        {
            if (_cursor[h] == oldest)
            {
                _cursor[h]++;
                _dropped[h]++;
            }
        }
    }

    // Resolves, per horizon, the waiting samples whose t + h is before (or, inclusive, at) nowNs with forwardMid.
    private void Resolve(long nowNs, bool inclusive, double forwardMid)
    {
        for (int h = 0; h < _horizons.Length; h++)
        {
            long horizon = _horizons[h];
            while (_cursor[h] < _next)
            {
                int slot = (int)(_cursor[h] % _capacity);
                long end = _ts[slot] + horizon;
                if (inclusive ? end > nowNs : end >= nowNs) break;
                Record(slot, h, Math.Log(forwardMid / _mid[slot]));
                _cursor[h]++;
            }
        }
    }

    private void Record(int slot, int h, double forwardReturn)
    {
        var scores = _scores.AsSpan(slot * _signals, _signals);
        _reservoirs[h].Offer(forwardReturn, scores);
        if (forwardReturn == 0) return;
        for (int s = 0; s < _signals; s++)
        {
            double score = scores[s];
            if (!_active[(slot * _signals) + s] || score == 0 || !double.IsFinite(score)) continue;
            int k = (s * _horizons.Length) + h;
            _hitTotals[k]++;
            if ((score > 0) == (forwardReturn > 0)) _hits[k]++;
        }
    }
}
