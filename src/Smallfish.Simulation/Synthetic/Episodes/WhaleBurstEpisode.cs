using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// 3-6 institutional prints (median 8 in base quantity times intensity, never under 1.2 times the largest background
/// print, 6 by default, against a background p99 near 1.3) on one side within 1-2 s. Each matches a large maker order
/// that shows at the touch in the delta just before, so every print consumes visible size at one price; a small
/// follow-through move ends the burst.
/// Direction = aggressor.
/// </summary>
internal sealed class WhaleBurstEpisode : EpisodeScript
{
    private readonly Side _aggressor;
    private readonly long[] _lots;
    private readonly long[] _offsetsNs;
    private int _next;

    public WhaleBurstEpisode(long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.WhaleBurst, startNs, intensity, rng)
    {
        _aggressor = RandomSide();
        ActiveSide = _aggressor;
        Direction = _aggressor.Sign();
        int n = (int)Rng.Between(3, 6);
        double windowMs = Rng.Uniform(1_000, 2_000);
        double median = 8 * intensity;
        double floor = Math.Min(median, 1.2 * ctx.MaxTradeQty);
        _lots = new long[n];
        _offsetsNs = new long[n];
        for (int i = 0; i < n; i++)
        {
            _lots[i] = ctx.Sizes.ToLots(Math.Max(floor, Rng.LogNormal(median, 0.35)));
            _offsetsNs[i] = i == 0 ? 0 : Ns(Rng.Uniform(0, windowMs));
        }
        Array.Sort(_offsetsNs);
        SetDurationMs(windowMs + 500);
        Param("prints", n);
        Param("medianQty", median);
        Param("minQty", floor);
        Param("windowMs", windowMs);
    }

    public override void Begin(SyntheticMarket m)
    {
        m.Mod.BiasJumps(Direction, 0.65);
        NextActionNs = StartNs;
    }

    public override void Act(SyntheticMarket m)
    {
        var passive = _aggressor.Opposite();
        long lots = _lots[_next];
        long px = m.Best(passive);
        long have = m.Qty(passive, px);
        if (have < lots)
        {
            // The block's counterparty: a large maker order that shows at the touch before it is hit.
            m.Set(passive, px, lots + m.Sizes.LevelLots(Rng));
            m.Flush();
        }
        if (AnchorPriceTicks == 0) AnchorPriceTicks = px;
        m.TakeBest(_aggressor, lots);
        _next++;
        if (_next < _lots.Length)
        {
            NextActionNs = Math.Max(m.NowNs + 1, StartNs + _offsetsNs[_next]);
            return;
        }
        m.Move(Direction * Rng.Between(2, 6), 0);
        NextActionNs = long.MaxValue;
    }
}
