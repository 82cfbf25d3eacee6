using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals.Adaptive;
using Smallfish.Core.Signals.Fusion;
using Smallfish.Core.Signals.Scorers;

namespace Smallfish.Core.Signals;

/// <summary>
/// The signals of one symbol: its effective options (weights, switches and thresholds may differ per symbol), the
/// scorers' memory (OBI smoothing, regime), the adaptive-weight tracker, and the evaluation: regime first (it adapts the
/// others), then the 13 scores, edge tracking, fusion. One writer; allocates nothing per evaluation.
/// </summary>
public sealed class SymbolSignalEngine
{
    private readonly SignalsOptions _s;
    private readonly FusionOptions _fusion;
    private readonly bool[] _enabled = new bool[SignalIds.Count];
    private readonly double[] _weights = new double[SignalIds.Count];
    private ObiState _obi;
    private LiqState _liq;
    private RegimeState _regime;

    /// <summary>Creates the engine of one symbol; <paramref name="adaptive"/> null or disabled = the configured weights as they are.</summary>
    public SymbolSignalEngine(SignalsOptions signals, FusionOptions fusion, AdaptiveWeightsOptions? adaptive)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(fusion);
        _s = signals;
        _fusion = fusion;
        for (int i = 0; i < SignalIds.Count; i++)
        {
            SignalOptions o = signals.Get((SignalId)i);
            _enabled[i] = o.Enabled;
            _weights[i] = o.Enabled ? o.Weight : 0;
        }
        _regime.Reset();
        if (adaptive is { Enabled: true }) Edge = new EdgeTracker(adaptive, _weights, _enabled);
    }

    /// <summary>The adaptive-weight tracker, or null when weights do not adapt.</summary>
    public EdgeTracker? Edge { get; }

    /// <summary>The weights in use, indexed by <see cref="SignalId"/>.</summary>
    public ReadOnlySpan<double> Weights => Edge is null ? _weights : Edge.Weights;

    /// <summary>The regime scorer's state (current regime and ratio).</summary>
    public RegimeState RegimeState => _regime;

    /// <summary>The signal options in effect.</summary>
    public SignalsOptions Signals => _s;

    /// <summary>The fusion options in effect.</summary>
    public FusionOptions Fusion => _fusion;

    /// <summary>Evaluates every signal and the fusion over <paramref name="f"/> at <paramref name="nowNs"/> into <paramref name="result"/>.</summary>
    public void Evaluate(in MarketFeatures f, long nowNs, FusionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        VolatilityRegime regime = RegimeSignal.Classify(f, _s.Regime, ref _regime);
        var ctx = RegimeContext.For(regime, _s.Regime);

        Set(result, SignalId.Obi, _enabled[(int)SignalId.Obi] ? ObiSignal.Evaluate(f, _s.Obi, ctx, ref _obi) : default);
        Set(result, SignalId.Prt, _enabled[(int)SignalId.Prt] ? PrtSignal.Evaluate(f, _s.Prt, ctx) : default);
        Set(result, SignalId.Umom, _enabled[(int)SignalId.Umom] ? UmomSignal.Evaluate(f, _s.Umom, ctx) : default);
        Set(result, SignalId.Ltb, _enabled[(int)SignalId.Ltb] ? LtbSignal.Evaluate(f, _s.Ltb, ctx) : default);
        Set(result, SignalId.Sweep, _enabled[(int)SignalId.Sweep] ? SweepSignal.Evaluate(f, _s.Sweep, ctx) : default);
        Set(result, SignalId.Ice, _enabled[(int)SignalId.Ice] ? IceSignal.Evaluate(f, _s.Ice, ctx) : default);
        Set(result, SignalId.Vwap, _enabled[(int)SignalId.Vwap] ? VwapSignal.Evaluate(f, _s.Vwap, ctx) : default);
        Set(result, SignalId.Regime, _enabled[(int)SignalId.Regime] ? RegimeSignal.Evaluate(f, _s.Regime, ctx, _regime) : default);
        Set(result, SignalId.Cvd, _enabled[(int)SignalId.Cvd] ? CvdSignal.Evaluate(f, _s.Cvd, ctx) : default);
        Set(result, SignalId.Tps, _enabled[(int)SignalId.Tps] ? TpsSignal.Evaluate(f, _s.Tps, ctx) : default);
        Set(result, SignalId.Liq, _enabled[(int)SignalId.Liq] ? LiqSignal.Evaluate(f, _s.Liq, ctx, ref _liq) : default);
        Set(result, SignalId.Mvr, _enabled[(int)SignalId.Mvr] ? MvrSignal.Evaluate(f, _s.Mvr, ctx) : default);
        Set(result, SignalId.Absorb, _enabled[(int)SignalId.Absorb] ? AbsorbSignal.Evaluate(f, _s.Absorb, ctx) : default);

        if (Edge is not null && f.IsBookValid) Edge.Observe(nowNs, f.MidTicks, f.SpreadTicks, result.Scores, result.Active);
        SignalFusion.Fuse(result, Weights, f, regime, _fusion);
        result.TsNs = nowNs;
    }

    /// <summary>Forgets the scorers' memory (after a book resync, say); adaptive statistics are kept.</summary>
    public void ResetMemory()
    {
        _obi.Reset();
        _liq.Reset();
        _regime.Reset();
    }

    private static void Set(FusionResult result, SignalId id, SignalReading score)
    {
        result.Scores[(int)id] = score.Score;
        result.Active[(int)id] = score.Active;
    }
}
