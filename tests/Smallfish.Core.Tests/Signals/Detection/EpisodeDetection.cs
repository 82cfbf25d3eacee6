using Smallfish.Core.Signals;
using Smallfish.Core.Tests.Signals.Support;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Core.Tests.Signals.Detection;

/// <summary>
/// Detection and false-positive counts of the signals over labeled synthetic streams.
/// <list type="bullet">
/// <item>Detection: an episode of kind K counts as detected by signal S (the signal mapped to K) when S was active in the
/// label's direction at some time within [start, end + grace). For a volatility regime shift (direction 0) REGIME
/// counts when the classified regime reached high or extreme (HighVolatility) or low (LowVolatility) in that span,
/// and MVR when it was active either way during a HighVolatility shift.</item>
/// <item>False positives: every Noise stretch is cut into whole windows of <see cref="NoiseWindowNs"/>; a window counts
/// as a false positive of S when S was active either way at any time within it (for REGIME: when the regime was not
/// normal). The first <see cref="NoiseSettleNs"/> of a stretch are left out (the previous episode's after-effects).
/// The share of noise time S was active is reported beside it.</item>
/// </list>
/// </summary>
internal sealed class EpisodeDetection
{
    public const long GraceNs = 2_000_000_000;
    public const long NoiseWindowNs = 10_000_000_000;

    /// <summary>
    /// Time skipped at the start of every Noise stretch, on top of the generator's 5 s guard: the signals' memories (the
    /// regime's 10 s variance average, the 1.5-2 s book averages, the features' 5-60 s windows) still carry the episode
    /// that just ended, and the market they describe was not quiet then.
    /// </summary>
    public const long NoiseSettleNs = 10_000_000_000;

    private readonly long[] _episodes = new long[SignalIds.Count];
    private readonly long[] _detected = new long[SignalIds.Count];
    private readonly long[] _noiseWindows = new long[SignalIds.Count];
    private readonly long[] _noiseHits = new long[SignalIds.Count];
    private readonly long[] _noiseActiveNs = new long[SignalIds.Count];
    private readonly List<string> _misses = [];
    private long _noiseNs;

    public long RegimeLowEpisodes { get; private set; }

    public long RegimeLowDetected { get; private set; }

    public long RegimeHighEpisodes { get; private set; }

    public long RegimeHighDetected { get; private set; }

    public IReadOnlyList<string> Misses => _misses;

    /// <summary>The signal whose detection an episode kind measures (MomentumBurst: UMOM; regime shifts: REGIME).</summary>
    public static SignalId SignalFor(EpisodeKind kind) => kind switch
    {
        EpisodeKind.SpoofPullReplace => SignalId.Prt,
        EpisodeKind.IcebergRefill => SignalId.Ice,
        EpisodeKind.Sweep => SignalId.Sweep,
        EpisodeKind.WhaleBurst => SignalId.Ltb,
        EpisodeKind.Absorption => SignalId.Absorb,
        EpisodeKind.MomentumBurst => SignalId.Umom,
        EpisodeKind.VwapStretch => SignalId.Vwap,
        EpisodeKind.VolatilityRegimeShift => SignalId.Regime,
        EpisodeKind.ImbalanceBuild => SignalId.Obi,
        EpisodeKind.LiquidityThinning => SignalId.Liq,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no signal"),
    };

    /// <summary>Adds the labels of one run and what the signals did in it.</summary>
    public void Add(IReadOnlyList<EpisodeLabel> labels, ActivityTrace trace, long seed, long warmUntilNs)
    {
        foreach (var label in labels)
        {
            if (label.StartNs < warmUntilNs) continue;
            long from = label.StartNs, to = label.EndNs + GraceNs;
            if (label.Kind == EpisodeKind.Noise)
            {
                if (label.EndNs - label.StartNs > NoiseSettleNs) AddNoise(trace, label.StartNs + NoiseSettleNs, label.EndNs);
                continue;
            }
            if (label.Kind == EpisodeKind.VolatilityRegimeShift)
            {
                bool high = label.Regime == "HighVolatility";
                if (high)
                {
                    RegimeHighEpisodes++;
                    bool hit = trace.RegimeWithin(VolatilityRegime.High, from, to) || trace.RegimeWithin(VolatilityRegime.Extreme, from, to);
                    if (hit) RegimeHighDetected++;
                    else _misses.Add($"seed {seed}: REGIME missed {label.Regime} #{label.Id}");
                    _episodes[(int)SignalId.Mvr]++;
                    if (trace.ActiveWithin(SignalId.Mvr, 0, from, to)) _detected[(int)SignalId.Mvr]++;
                    else _misses.Add($"seed {seed}: MVR missed {label.Regime} #{label.Id}");
                }
                else
                {
                    RegimeLowEpisodes++;
                    if (trace.RegimeWithin(VolatilityRegime.Low, from, to)) RegimeLowDetected++;
                    else _misses.Add($"seed {seed}: REGIME missed {label.Regime} #{label.Id}");
                }
                continue;
            }
            var id = SignalFor(label.Kind);
            _episodes[(int)id]++;
            if (trace.ActiveWithin(id, label.Direction, from, to)) _detected[(int)id]++;
            else _misses.Add($"seed {seed}: {id.Name()} missed {label.Kind} #{label.Id} dir {label.Direction} at {(label.StartNs - labels[0].StartNs) / 1e9:F1}s");
            if (label.Kind == EpisodeKind.MomentumBurst)
            {
                foreach (var extra in new[] { SignalId.Cvd, SignalId.Tps })
                {
                    _episodes[(int)extra]++;
                    if (trace.ActiveWithin(extra, label.Direction, from, to)) _detected[(int)extra]++;
                }
            }
        }
    }

    private void AddNoise(ActivityTrace trace, long start, long end)
    {
        _noiseNs += end - start;
        for (int i = 0; i < SignalIds.Count; i++) _noiseActiveNs[i] += i == (int)SignalId.Regime
            ? (end - start) - trace.RegimeTime(VolatilityRegime.Normal, start, end)
            : trace.ActiveTime((SignalId)i, start, end);
        for (long w = start; w + NoiseWindowNs <= end; w += NoiseWindowNs)
        {
            for (int i = 0; i < SignalIds.Count; i++)
            {
                var id = (SignalId)i;
                _noiseWindows[i]++;
                bool hit = id == SignalId.Regime
                    ? trace.RegimeWithin(VolatilityRegime.Low, w, w + NoiseWindowNs) || trace.RegimeWithin(VolatilityRegime.High, w, w + NoiseWindowNs) || trace.RegimeWithin(VolatilityRegime.Extreme, w, w + NoiseWindowNs)
                    : trace.ActiveWithin(id, 0, w, w + NoiseWindowNs);
                if (hit) _noiseHits[i]++;
            }
        }
    }

    public long Episodes(SignalId id) => _episodes[(int)id];

    public long Detected(SignalId id) => _detected[(int)id];

    public double DetectionRate(SignalId id) => _episodes[(int)id] == 0 ? double.NaN : (double)_detected[(int)id] / _episodes[(int)id];

    public long NoiseWindows(SignalId id) => _noiseWindows[(int)id];

    public long NoiseHits(SignalId id) => _noiseHits[(int)id];

    public double FalsePositiveRate(SignalId id) => _noiseWindows[(int)id] == 0 ? double.NaN : (double)_noiseHits[(int)id] / _noiseWindows[(int)id];

    public double NoiseActiveShare(SignalId id) => _noiseNs == 0 ? double.NaN : (double)_noiseActiveNs[(int)id] / _noiseNs;

    public double NoiseSeconds => _noiseNs / 1e9;
}
