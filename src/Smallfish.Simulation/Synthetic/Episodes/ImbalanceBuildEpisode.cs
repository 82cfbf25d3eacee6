using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// Book pressure ahead of a move: for 80% of a 4-8 s episode, orders of median 0.6 (times intensity) join the heavy
/// side within 4 ticks of its touch at 8/s (times intensity) while its cancels slow to a fifth and quotes move rarely
/// and never against it; then the price steps 3-8 ticks (times intensity) toward the heavy side, led by aggression.
/// Distinct from thinning: depth is added, not removed. Direction = the heavier side.
/// </summary>
internal sealed class ImbalanceBuildEpisode : EpisodeScript
{
    private const int WindowTicks = 4;
    private readonly Side _heavy;
    private readonly double _addsPerSecond;
    private readonly double _medianQty;
    private readonly long _moveTicks;
    private readonly long _buildEndNs;
    private bool _moved;

    public ImbalanceBuildEpisode(long startNs, double intensity, SeededRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.ImbalanceBuild, startNs, intensity, rng)
    {
        _heavy = RandomSide();
        ActiveSide = _heavy;
        Direction = _heavy.Sign();
        double durationMs = Rng.Uniform(4_000, 8_000);
        SetDurationMs(durationMs);
        _buildEndNs = startNs + Ns(0.8 * durationMs);
        _addsPerSecond = 8 * intensity;
        _medianQty = 0.6 * intensity;
        _moveTicks = Math.Max(2, (long)Math.Round(Rng.Uniform(3, 8) * intensity));
        Param("addsPerSecond", _addsPerSecond);
        Param("medianAddQty", _medianQty);
        Param("windowTicks", WindowTicks);
        Param("buildMs", 0.8 * durationMs);
        Param("moveTicks", _moveTicks);
    }

    public override void Begin(SyntheticMarket m)
    {
        AnchorPriceTicks = m.Best(_heavy);
        m.Mod.JumpRate = 0.2;
        m.Mod.BiasJumps(Direction, 1.0);
        m.Mod.CancelRate[SideIndex(_heavy)] = 0.2;
        NextActionNs = StartNs + Ns(Rng.Exponential(1000 / _addsPerSecond));
    }

    public override void Act(SyntheticMarket m)
    {
        if (m.NowNs < _buildEndNs)
        {
            long price = SyntheticMarket.Deeper(_heavy, m.Best(_heavy), Rng.Between(0, WindowTicks));
            m.Add(_heavy, price, m.Sizes.ToLots(Rng.LogNormal(_medianQty, 0.5)));
            NextActionNs = Math.Min(_buildEndNs, m.NowNs + Ns(Rng.Exponential(1000 / _addsPerSecond)));
            return;
        }
        if (!_moved)
        {
            _moved = true;
            m.Move(Direction * _moveTicks, (int)(2 + Rng.Geometric(1)));
        }
        NextActionNs = long.MaxValue;
    }
}
