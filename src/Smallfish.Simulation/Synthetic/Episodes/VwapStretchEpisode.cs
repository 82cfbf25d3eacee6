using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// A stretch from VWAP and the way back. Push (3-6 s): quotes walk 5 volatility units (sigma x sqrt(10 s), times
/// intensity) away on thin flow (takers at half rate, few prints), so VWAP stays behind. Hold (2-4 s). Revert (8-15 s):
/// 70-100% of the stretch comes back on flow leaning 70/30 toward VWAP. Direction = back toward VWAP (opposite of the
/// push); the label's ActiveSide is the push side and its parameters give the phase lengths.
/// </summary>
internal sealed class VwapStretchEpisode : EpisodeScript
{
    private readonly int _push;
    private readonly double _stretchTicks;
    private readonly double _revertFraction;
    private readonly long _pushEndNs;
    private readonly long _revertStartNs;
    private long _startMid2;
    private int _phase;

    public VwapStretchEpisode(long startNs, double intensity, SeededRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.VwapStretch, startNs, intensity, rng)
    {
        _push = Rng.Chance(0.5) ? 1 : -1;
        Direction = -_push;
        ActiveSide = ToSide(_push);
        double pushMs = Rng.Uniform(3_000, 6_000), holdMs = Rng.Uniform(2_000, 4_000), revertMs = Rng.Uniform(8_000, 15_000);
        double unit = ctx.SigmaTicksPerSqrtSecond * Math.Sqrt(10);
        _stretchTicks = Math.Max(20, Math.Round(5 * intensity * unit));
        _revertFraction = Rng.Uniform(0.7, 1.0);
        _pushEndNs = startNs + Ns(pushMs);
        _revertStartNs = _pushEndNs + Ns(holdMs);
        SetDurationMs(pushMs + holdMs + revertMs);
        Param("stretchTicks", _stretchTicks);
        Param("volUnitTicks", unit);
        Param("pushMs", pushMs);
        Param("holdMs", holdMs);
        Param("revertMs", revertMs);
        Param("revertFraction", _revertFraction);
    }

    public override void Begin(SyntheticMarket m)
    {
        _startMid2 = m.Mid2;
        AnchorPriceTicks = m.BestBid;
        m.Mod.TakerRate = 0.5;
        m.Mod.JumpRate = 0.5;
        NextActionNs = StartNs + Ns(Rng.Uniform(50, 150));
    }

    public override void Act(SyntheticMarket m)
    {
        if (_phase == 0 && m.NowNs >= _pushEndNs)
        {
            _phase = 1;
            m.Mod.TakerRate = 1;
            NextActionNs = _revertStartNs;
            return;
        }
        if (_phase == 1)
        {
            _phase = 2;
            m.Mod.TakerRate = 1.5;
            m.Mod.BiasTakers(Direction, 0.7);
        }
        double moved = MovedTicks(m, _startMid2, _push);
        if (_phase == 0)
        {
            double f = Math.Min(1, (double)(m.NowNs - StartNs) / (_pushEndNs - StartNs) + 0.1);
            long step = (long)Math.Round(_stretchTicks * f - moved);
            if (step > 0) m.Move(_push * step, Rng.Chance(0.2) ? 1 : 0);
            NextActionNs = Math.Min(_pushEndNs, m.NowNs + Ns(Rng.Uniform(150, 300)));
            return;
        }
        double g = Math.Min(1, (double)(m.NowNs - _revertStartNs) / (EndNs - _revertStartNs) / 0.9 + 0.05);
        double target = _stretchTicks * (1 - _revertFraction * g);
        long back = (long)Math.Round(moved - target);
        if (back > 0) m.Move(Direction * back, (int)(1 + Rng.Geometric(2)));
        NextActionNs = m.NowNs + Ns(Rng.Uniform(200, 400));
    }
}
