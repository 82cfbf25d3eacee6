using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// Hidden liquidity at the defended best price: an order showing 0.3-0.8 joins the touch; sellers (for a bid iceberg)
/// hit it with orders of 1.5-4 times the display (the first also takes what rested there before), so every hit trades through the visible size, prints the rest from
/// hidden size in display-sized slices, and the level is refilled to the display size in the next delta (same time).
/// Quotes do not move while it holds. Direction = the defended side.
/// </summary>
internal sealed class IcebergRefillEpisode : EpisodeScript
{
    private readonly Side _side;
    private readonly long _displayLots;
    private readonly long _hiddenLots;
    private readonly double _ordersPerSecond;
    private bool _first = true;

    public IcebergRefillEpisode(long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.IcebergRefill, startNs, intensity, rng)
    {
        _side = RandomSide();
        ActiveSide = _side;
        Direction = _side.Sign();
        double durationMs = Rng.Uniform(6_000, 12_000);
        SetDurationMs(durationMs);
        double display = Rng.Uniform(0.3, 0.8);
        _displayLots = ctx.Sizes.ToLots(display);
        _ordersPerSecond = 5 * intensity;
        _hiddenLots = _displayLots * (long)(8 * _ordersPerSecond * durationMs / 1000 + 10);
        Param("displayQty", ctx.Sizes.ToQty(_displayLots));
        Param("hiddenQty", ctx.Sizes.ToQty(_hiddenLots));
        Param("ordersPerSecond", _ordersPerSecond);
        Param("orderToDisplayMin", 1.5);
        Param("orderToDisplayMax", 4);
    }

    public override void Begin(SyntheticMarket m)
    {
        long price = m.Best(_side);
        AnchorPriceTicks = price;
        m.Guard.Clear();
        m.Set(_side, price, m.Qty(_side, price) + _displayLots);
        m.Guard.Mode = GuardMode.Iceberg;
        m.Guard.Side = _side;
        m.Guard.Price = price;
        m.Guard.DisplayLots = _displayLots;
        m.Guard.HiddenLots = _hiddenLots;
        m.Mod.JumpRate = 0;
        NextActionNs = StartNs + Ns(Rng.Exponential(1000 / _ordersPerSecond));
    }

    public override void Act(SyntheticMarket m)
    {
        var aggressor = _side.Opposite();
        long lots = (long)(_displayLots * Rng.Uniform(1.5, 4));
        // The first hit also clears whatever rested at the level before the iceberg joined it.
        if (_first) lots += Math.Max(0, m.Qty(_side, AnchorPriceTicks) - _displayLots);
        _first = false;
        long filled = 0;
        while (filled < lots)
        {
            long f = m.TakeBest(aggressor, lots - filled, AnchorPriceTicks);
            if (f == 0) break;
            filled += f;
        }
        NextActionNs = m.NowNs + Ns(Rng.Exponential(1000 / _ordersPerSecond));
    }
}
