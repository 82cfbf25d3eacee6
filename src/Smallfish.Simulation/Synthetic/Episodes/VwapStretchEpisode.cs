using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// A stretch from VWAP and the way back. Push (3-6 s): quotes walk away on thin flow (takers at half rate, few prints)
/// until the mid stands 5 volatility units (sigma x sqrt(10 s), times intensity) from the rolling VWAP (60 s
/// half-life; its value at the start is the label's anchor), so VWAP stays behind. Hold (2-4 s) at the stretch.
/// Revert (8-15 s): 70-100% of the stretch comes back on flow leaning 70/30 toward VWAP at 1.5 times the usual taker
/// rate. Direction = back toward VWAP (opposite of the push); the label's ActiveSide is the push side and its
/// parameters give the phase lengths.
/// </summary>
internal sealed class VwapStretchEpisode : EpisodeScript
{
    private readonly int _push;
    private readonly double _stretchTicks;
    private readonly double _revertFraction;
    private readonly long _pushEndNs;
    private readonly long _revertStartNs;
    private double _vwap;
    private double _startOffset;
    private int _phase;

    public VwapStretchEpisode(long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.VwapStretch, startNs, intensity, rng)
    {
        _push = Rng.Chance(0.5) ? 1 : -1;
        Direction = -_push;
        ActiveSide = ToSide(_push);
        // Whole milliseconds: phase edges on the exchange-timestamp grid.
        double pushMs = Math.Round(Rng.Uniform(3_000, 6_000)), holdMs = Math.Round(Rng.Uniform(2_000, 4_000)), revertMs = Math.Round(Rng.Uniform(8_000, 15_000));
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
        double vwap = m.Vwap.Ticks;
        _vwap = double.IsNaN(vwap) ? m.Mid2 * 0.5 : vwap;
        AnchorPriceTicks = (long)Math.Round(_vwap);
        // Positions are measured from the VWAP at the start; the push begins from wherever the mid stands (at most
        // half-way out already, so it always pushes at least half the stretch).
        _startOffset = Math.Min(Offset(m), _stretchTicks * 0.5);
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
        }
        if (_phase == 1 && m.NowNs < _revertStartNs)
        {
            // Hold: quotes that drift back toward VWAP are pushed out to the stretch again.
            long outward = (long)Math.Round(_stretchTicks - Offset(m));
            if (outward > 0) m.Move(_push * outward, 0);
            NextActionNs = Math.Min(_revertStartNs, m.NowNs + Ns(Rng.Uniform(200, 400)));
            return;
        }
        if (_phase == 1)
        {
            _phase = 2;
            m.Mod.TakerRate = 1.5;
            m.Mod.BiasTakers(Direction, 0.7);
        }
        double offset = Offset(m);
        if (_phase == 0)
        {
            double f = Math.Min(1, (double)(m.NowNs - StartNs) / (_pushEndNs - StartNs) + 0.1);
            long step = (long)Math.Round(_startOffset + (_stretchTicks - _startOffset) * f - offset);
            if (step > 0) m.Move(_push * step, Rng.Chance(0.2) ? 1 : 0);
            NextActionNs = Math.Min(_pushEndNs, m.NowNs + Ns(Rng.Uniform(150, 300)));
            return;
        }
        double g = Math.Min(1, (double)(m.NowNs - _revertStartNs) / (EndNs - _revertStartNs) / 0.9 + 0.05);
        double target = _stretchTicks * (1 - _revertFraction * g);
        long back = (long)Math.Round(offset - target);
        if (back > 0) m.Move(Direction * back, (int)(1 + Rng.Geometric(2)));
        NextActionNs = m.NowNs + Ns(Rng.Uniform(200, 400));
    }

    // How far the mid stands from the start VWAP, in ticks, positive in the push direction.
    private double Offset(SyntheticMarket m) => (m.Mid2 * 0.5 - _vwap) * _push;
}
