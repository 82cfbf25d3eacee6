using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// Makers step back from one side: every 65-155 ms (faster with intensity) that side's touch is cut to a sliver (at
/// most 0.2) and the largest level within 10 ticks behind it is cancelled whole; new orders there slow to a tenth, cancels
/// double, and makers re-quoting there (a moved touch, refilled gaps) show a twentieth of the usual size; quotes lean
/// 60/40 toward the thin side. Distinct from imbalance: depth is
/// removed, not added. Direction = toward the thin side (thin asks = +1).
/// </summary>
internal sealed class LiquidityThinningEpisode : EpisodeScript
{
    private const int WindowTicks = 10;
    private const double SliverMaxQty = 0.2;
    private readonly Side _thin;
    private readonly double _intervalMs;

    public LiquidityThinningEpisode(long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.LiquidityThinning, startNs, intensity, rng)
    {
        _thin = RandomSide();
        ActiveSide = _thin;
        Direction = -_thin.Sign();
        SetDurationMs(Rng.Uniform(4_000, 8_000));
        _intervalMs = 110 / intensity;
        Param("windowTicks", WindowTicks);
        Param("drainIntervalMs", _intervalMs);
    }

    public override void Begin(SyntheticMarket m)
    {
        AnchorPriceTicks = m.Best(_thin);
        int i = SideIndex(_thin);
        m.Mod.AddRate[i] = 0.1;
        m.Mod.CancelRate[i] = 2;
        m.Mod.BiasJumps(Direction, 0.6);
        m.Mod.QuoteSize[i] = 0.05;
        NextActionNs = StartNs + Ns(Rng.Uniform(20, 80));
    }

    public override void Act(SyntheticMarket m)
    {
        var book = m.Book(_thin);
        if (book.Count > 1)
        {
            long best = book.BestPrice;
            long sliverMax = m.Sizes.ToLots(SliverMaxQty);
            if (book.BestQty > sliverMax) m.Cancel(_thin, best, book.BestQty - m.Sizes.ToLots(Rng.Uniform(0.01, SliverMaxQty)));
            // The largest order behind the touch within the window leaves first.
            int largest = 0;
            for (int k = 1; k < book.Count && Math.Abs(book.PriceAt(k) - best) <= WindowTicks; k++)
            {
                if (largest == 0 || book.QtyAt(k) > book.QtyAt(largest)) largest = k;
            }
            if (largest > 0) m.Cancel(_thin, book.PriceAt(largest), book.QtyAt(largest));
        }
        NextActionNs = m.NowNs + Ns(Rng.Uniform(0.6, 1.4) * _intervalMs);
    }
}
