using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// Book pressure ahead of a move: for 80% of a 4-8 s episode, orders join the heavy side within 4 ticks of its touch
/// at 8/s (times intensity) while its cancels slow to a fifth, quotes hold still and its best price is not improved.
/// Orders are of median 0.6 (times intensity) but sized up as needed so that by the end of the build the heavy side
/// holds at least 3 times the light side's depth within 5 ticks and 15 (times intensity) more than it started with;
/// then the price steps toward the heavy side, led by aggression, to stand 3-8 ticks (times intensity) from where the
/// episode started, the wall is re-quoted behind the new touch, and takers lean 70/30 that way until the end.
/// Distinct from thinning: depth is added, not removed. Direction = the heavier side.
/// </summary>
internal sealed class ImbalanceBuildEpisode : EpisodeScript
{
    private const int WindowTicks = 4;
    private const int DepthTicks = 5;
    private const double TargetRatio = 3;
    private const long LastAddNs = 1_000_000;
    private readonly Side _heavy;
    private readonly double _addsPerSecond;
    private readonly double _medianQty;
    private readonly long _moveTicks;
    private readonly long _buildEndNs;
    private readonly long _minBuildLots;
    private long _startDepth;
    private long _startMid2;
    private bool _moved;

    public ImbalanceBuildEpisode(long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.ImbalanceBuild, startNs, intensity, rng)
    {
        _heavy = RandomSide();
        ActiveSide = _heavy;
        Direction = _heavy.Sign();
        double durationMs = Rng.Uniform(4_000, 8_000);
        SetDurationMs(durationMs);
        double buildMs = Math.Round(0.8 * durationMs); // whole ms: phase edges on the exchange-timestamp grid
        _buildEndNs = startNs + Ns(buildMs);
        _addsPerSecond = 8 * intensity;
        _medianQty = 0.6 * intensity;
        _moveTicks = Math.Max(2, (long)Math.Round(Rng.Uniform(3, 8) * intensity));
        Param("addsPerSecond", _addsPerSecond);
        Param("medianAddQty", _medianQty);
        Param("windowTicks", WindowTicks);
        Param("targetRatio", TargetRatio);
        Param("minBuildQty", 15 * intensity);
        _minBuildLots = ctx.Sizes.ToLots(15 * intensity);
        Param("buildMs", buildMs);
        Param("moveTicks", _moveTicks);
    }

    public override void Begin(SyntheticMarket m)
    {
        AnchorPriceTicks = m.Best(_heavy);
        _startDepth = m.Book(_heavy).DepthWithinTicks(DepthTicks);
        _startMid2 = m.Mid2;
        m.Mod.JumpRate = 0;
        m.Mod.NoImprove[SideIndex(_heavy)] = true;
        m.Mod.CancelRate[SideIndex(_heavy)] = 0.2;
        NextActionNs = StartNs + Ns(Rng.Exponential(1000 / _addsPerSecond));
    }

    public override void Act(SyntheticMarket m)
    {
        if (m.NowNs < _buildEndNs)
        {
            // The last add, one millisecond before the move, tops the heavy side up to the target whatever took from it.
            bool last = m.NowNs >= _buildEndNs - LastAddNs;
            long price = SyntheticMarket.Deeper(_heavy, m.Best(_heavy), last ? 0 : Rng.Between(0, WindowTicks));
            long heavy = m.Book(_heavy).DepthWithinTicks(DepthTicks), light = m.Book(_heavy.Opposite()).DepthWithinTicks(DepthTicks);
            long target = Math.Max((long)(TargetRatio * light), _startDepth + _minBuildLots);
            double addsLeft = last ? 1 : Math.Max(1, _addsPerSecond * (_buildEndNs - m.NowNs) / 1e9);
            long lots = Math.Max(m.Sizes.ToLots(Rng.LogNormal(_medianQty, 0.5)), (long)((target - heavy) / addsLeft));
            m.Add(_heavy, price, lots);
            NextActionNs = last ? _buildEndNs : Math.Min(_buildEndNs - LastAddNs, m.NowNs + Ns(Rng.Exponential(1000 / _addsPerSecond)));
            return;
        }
        if (!_moved)
        {
            // The move is measured from the start: whatever the build phase drifted, the price ends moveTicks up.
            // The wall moves with the price (its owners re-quote), so the new touch keeps the pressure behind it.
            _moved = true;
            var book = m.Book(_heavy);
            long oldBest = book.BestPrice;
            var wall = new List<(long Distance, long Lots)>();
            for (int k = 0; k < book.Count && Math.Abs(book.PriceAt(k) - oldBest) <= DepthTicks; k++) wall.Add((Math.Abs(book.PriceAt(k) - oldBest), book.QtyAt(k)));
            foreach (var (d, _) in wall) m.Set(_heavy, SyntheticMarket.Deeper(_heavy, oldBest, d), 0);
            long step = Math.Max(1, _moveTicks - (long)Math.Floor(MovedTicks(m, _startMid2, Direction)));
            m.Move(Direction * step, (int)(2 + Rng.Geometric(1)));
            long newBest = book.BestPrice;
            foreach (var (d, lots) in wall) m.Add(_heavy, SyntheticMarket.Deeper(_heavy, newBest, d), lots);
            // Follow-through: the new touch may be improved again and the flow leans the same way until the end.
            m.Mod.NoImprove[SideIndex(_heavy)] = false;
            m.Mod.BiasTakers(Direction, 0.7);
        }
        NextActionNs = long.MaxValue;
    }
}
