using Smallfish.Core.Configuration;

namespace Smallfish.Core.Signals.Adaptive;

/// <summary>
/// Per-signal edge tracking and adaptive weights for one symbol (see <see cref="AdaptiveWeightsOptions"/>). While a signal
/// is active its call (time, direction, mid, cost) is sampled at most every SampleSpacingSeconds into a fixed ring; once
/// HorizonSeconds have passed the call is judged against the mid then: a hit when the mid moved its way by more than the
/// cost. With MinSamples outcomes, the Wilson lower bound of the hit rate sets the target weight base x 2 x lower bound
/// (the base weight at a proven 50 %, double at a proven 100 %, zero at 0 %), the weight moves toward it by LearningRate,
/// and all weights are projected back within [MinWeight, MaxWeight] summing to 1 over the enabled signals with a base
/// weight. Nothing is allocated after construction.
/// </summary>
public sealed class EdgeTracker
{
    private const int N = SignalIds.Count;
    private readonly AdaptiveWeightsOptions _o;
    private readonly double[] _base = new double[N];
    private readonly double[] _weights = new double[N];
    private readonly bool[] _included = new bool[N];
    private readonly PendingCall[] _pending;
    private readonly int[] _head = new int[N];
    private readonly int[] _count = new int[N];
    private readonly long[] _lastSampleNs = new long[N];
    private readonly long[] _trials = new long[N];
    private readonly long[] _hits = new long[N];
    private readonly int _capacity;
    private readonly long _horizonNs;
    private readonly long _spacingNs;

    /// <summary>Creates a tracker starting from <paramref name="baseWeights"/> (indexed by <see cref="SignalId"/>; disabled signals get no weight).</summary>
    public EdgeTracker(AdaptiveWeightsOptions options, ReadOnlySpan<double> baseWeights, ReadOnlySpan<bool> enabled)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (baseWeights.Length != N || enabled.Length != N) throw new ArgumentException($"expected {N} weights and switches");
        _o = options;
        _capacity = options.PendingCapacity;
        _pending = new PendingCall[N * _capacity];
        _horizonNs = options.HorizonSeconds * 1_000_000_000L;
        _spacingNs = (long)Math.Round(options.SampleSpacingSeconds * 1e9);
        for (int i = 0; i < N; i++)
        {
            _included[i] = enabled[i] && baseWeights[i] > 0;
            _base[i] = _included[i] ? baseWeights[i] : 0;
            _weights[i] = _base[i];
            _lastSampleNs[i] = long.MinValue;
        }
        WeightProjection.Project(_weights, _included, options.MinWeight, options.MaxWeight);
    }

    /// <summary>The weights in use, indexed by <see cref="SignalId"/>.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Judged calls of <paramref name="id"/>.</summary>
    public long Trials(SignalId id) => _trials[(int)id];

    /// <summary>Hits among the judged calls of <paramref name="id"/>.</summary>
    public long Hits(SignalId id) => _hits[(int)id];

    /// <summary>Calls of <paramref name="id"/> awaiting their outcome.</summary>
    public int Pending(SignalId id) => _count[(int)id];

    /// <summary>Calls dropped because a ring was full.</summary>
    public long Dropped { get; private set; }

    /// <summary>Outcomes that changed the weights.</summary>
    public long Adaptations { get; private set; }

    /// <summary>Wilson lower bound of the hit rate of <paramref name="id"/> (0 without outcomes).</summary>
    public double LowerBound(SignalId id) => WilsonBound.Lower(_hits[(int)id], _trials[(int)id], _o.WilsonZ);

    /// <summary>
    /// Judges the calls whose horizon has passed against <paramref name="midTicks"/>, adapts the weights, then samples the
    /// calls of the signals active now. Call on every evaluation with a valid book, in time order.
    /// </summary>
    public void Observe(long nowNs, double midTicks, double spreadTicks, ReadOnlySpan<double> scores, ReadOnlySpan<bool> active)
    {
        if (!double.IsFinite(midTicks) || midTicks <= 0) return;
        for (int i = 0; i < N; i++) Resolve(i, nowNs, midTicks);

        double cost = _o.CostTicks + (_o.IncludeSpreadInCost && double.IsFinite(spreadTicks) ? Math.Max(0, spreadTicks) : 0);
        for (int i = 0; i < N; i++)
        {
            if (!_included[i] || !active[i] || scores[i] == 0) continue;
            if (_lastSampleNs[i] != long.MinValue && nowNs - _lastSampleNs[i] < _spacingNs) continue;
            _lastSampleNs[i] = nowNs;
            if (_count[i] == _capacity)
            {
                Dropped++;
                continue;
            }
            int slot = _head[i] + _count[i];
            if (slot >= _capacity) slot -= _capacity;
            _pending[i * _capacity + slot] = new PendingCall(nowNs, Math.Sign(scores[i]), midTicks, cost);
            _count[i]++;
        }
    }

    private void Resolve(int i, long nowNs, double midTicks)
    {
        bool changed = false;
        while (_count[i] > 0)
        {
            ref readonly PendingCall call = ref _pending[i * _capacity + _head[i]];
            if (nowNs - call.TsNs < _horizonNs) break;
            bool hit = (midTicks - call.MidTicks) * call.Direction > call.CostTicks;
            _trials[i]++;
            if (hit) _hits[i]++;
            _head[i] = _head[i] + 1 == _capacity ? 0 : _head[i] + 1;
            _count[i]--;
            if (_included[i] && _trials[i] >= _o.MinSamples)
            {
                double target = _base[i] * 2 * WilsonBound.Lower(_hits[i], _trials[i], _o.WilsonZ);
                _weights[i] += _o.LearningRate * (target - _weights[i]);
                changed = true;
            }
        }
        if (changed)
        {
            WeightProjection.Project(_weights, _included, _o.MinWeight, _o.MaxWeight);
            Adaptations++;
        }
    }
}
