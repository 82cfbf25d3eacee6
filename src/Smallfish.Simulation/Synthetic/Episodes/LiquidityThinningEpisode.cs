using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// Makers step back from one side: every 80-200 ms (faster with intensity) a level within 10 ticks of that side's
/// touch is cancelled whole, or the touch itself is cut to a sliver; new orders there slow to a tenth and cancels
/// double; quotes lean 70/30 toward the thin side with 1.3 times larger jumps. Distinct from imbalance: depth is
/// removed, not added. Direction = toward the thin side (thin asks = +1).
/// </summary>
internal sealed class LiquidityThinningEpisode : EpisodeScript
{
    private const int WindowTicks = 10;
    private readonly Side _thin;
    private readonly double _intervalMs;

    public LiquidityThinningEpisode(long startNs, double intensity, SeededRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.LiquidityThinning, startNs, intensity, rng)
    {
        _thin = RandomSide();
        ActiveSide = _thin;
        Direction = -_thin.Sign();
        SetDurationMs(Rng.Uniform(4_000, 8_000));
        _intervalMs = 140 / intensity;
        Param("windowTicks", WindowTicks);
        Param("drainIntervalMs", _intervalMs);
    }

    public override void Begin(SyntheticMarket m)
    {
        AnchorPriceTicks = m.Best(_thin);
        int i = SideIndex(_thin);
        m.Mod.AddRate[i] = 0.1;
        m.Mod.CancelRate[i] = 2;
        m.Mod.BiasJumps(Direction, 0.7);
        m.Mod.JumpSize = 1.3;
        NextActionNs = StartNs + Ns(Rng.Uniform(20, 80));
    }

    public override void Act(SyntheticMarket m)
    {
        var book = m.Book(_thin);
        if (book.Count > 1)
        {
            long best = book.BestPrice;
            int within = 0;
            while (within + 1 < book.Count && Math.Abs(book.PriceAt(within + 1) - best) <= WindowTicks) within++;
            if (within > 0 && Rng.Chance(0.75))
            {
                int k = (int)Rng.Between(1, within);
                m.Cancel(_thin, book.PriceAt(k), book.QtyAt(k));
            }
            else
            {
                long sliver = m.Sizes.ToLots(Rng.Uniform(0.01, 0.2));
                m.Cancel(_thin, best, book.BestQty - sliver);
            }
        }
        NextActionNs = m.NowNs + Ns(Rng.Uniform(0.6, 1.4) * _intervalMs);
    }
}
