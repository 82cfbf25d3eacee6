using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// Heavy aggression (15 orders/s times intensity, median 0.5 times intensity, several times the background's flow)
/// into one side's best price, which holds: takers can never empty it, nothing quotes past it, quotes do not move, and
/// passive buyers (for a bid) refill it to around the defended size 15-80 ms after it is hit, sometimes stacking a
/// level or two behind it. Unlike an iceberg, every print is covered by visible size. A small bounce the defended way
/// ends it. Direction = the absorbing side.
/// </summary>
internal sealed class AbsorptionEpisode : EpisodeScript
{
    private readonly Side _side;
    private readonly double _ordersPerSecond;
    private readonly double _medianQty;
    private readonly long _defendLots;
    private long _nextHitNs;
    private long _nextRefillNs = long.MaxValue;

    public AbsorptionEpisode(long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.Absorption, startNs, intensity, rng)
    {
        _side = RandomSide();
        ActiveSide = _side;
        Direction = _side.Sign();
        SetDurationMs(Rng.Uniform(6_000, 12_000));
        _ordersPerSecond = 15 * intensity;
        _medianQty = 0.5 * intensity;
        double defend = 4 * intensity;
        _defendLots = ctx.Sizes.ToLots(defend);
        Param("ordersPerSecond", _ordersPerSecond);
        Param("medianAggressorQty", _medianQty);
        Param("defendedQty", defend);
    }

    public override void Begin(SyntheticMarket m)
    {
        long price = m.Best(_side);
        AnchorPriceTicks = price;
        m.Guard.Clear();
        m.Guard.Mode = GuardMode.Absorb;
        m.Guard.Side = _side;
        m.Guard.Price = price;
        if (m.Qty(_side, price) < _defendLots) m.Set(_side, price, _defendLots);
        m.Mod.JumpRate = 0;
        m.Mod.CancelRate[SideIndex(_side)] = 0.3;
        _nextHitNs = StartNs + Ns(Rng.Exponential(1000 / _ordersPerSecond));
        NextActionNs = _nextHitNs;
    }

    public override void Act(SyntheticMarket m)
    {
        long price = AnchorPriceTicks;
        if (_nextRefillNs <= _nextHitNs)
        {
            long target = (long)(_defendLots * Rng.Uniform(0.8, 1.3));
            if (m.Qty(_side, price) < target) m.Set(_side, price, target);
            if (Rng.Chance(0.3)) m.Add(_side, SyntheticMarket.Deeper(_side, price, Rng.Between(1, 3)), m.Sizes.ToLots(Rng.LogNormal(1.0, 0.5)));
            _nextRefillNs = long.MaxValue;
        }
        else
        {
            var aggressor = _side.Opposite();
            long lots = m.Sizes.ToLots(Rng.LogNormal(_medianQty, 0.7));
            long filled = 0;
            while (filled < lots)
            {
                long f = m.TakeBest(aggressor, lots - filled, price);
                if (f == 0) break;
                filled += f;
            }
            if (_nextRefillNs == long.MaxValue && m.Qty(_side, price) < _defendLots * 7 / 10)
                _nextRefillNs = m.NowNs + Ns(Rng.Uniform(15, 80));
            _nextHitNs = m.NowNs + Ns(Rng.Exponential(1000 / _ordersPerSecond));
        }
        NextActionNs = Math.Min(_nextHitNs, _nextRefillNs);
    }

    public override void End(SyntheticMarket m)
    {
        long price = AnchorPriceTicks;
        if (m.Qty(_side, price) < _defendLots / 2) m.Set(_side, price, _defendLots);
        m.Move(Direction * Rng.Between(2, 5), 0);
    }
}
