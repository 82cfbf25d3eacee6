using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// One aggressive order takes 8-14 whole levels (scaled by intensity) in a few milliseconds: each level prints as 1-3
/// trades at its own price, all levels go in one delta; 30-150 ms later the other side re-quotes behind the new touch.
/// The background never walks more than a few levels. Direction = aggressor.
/// </summary>
internal sealed class SweepEpisode : EpisodeScript
{
    private readonly Side _aggressor;
    private readonly int _levels;
    private readonly double _spanMs;
    private int _phase;

    public SweepEpisode(long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.Sweep, startNs, intensity, rng)
    {
        _aggressor = RandomSide();
        ActiveSide = _aggressor;
        Direction = _aggressor.Sign();
        _levels = Math.Max(4, (int)Math.Round(Rng.Uniform(8, 14) * intensity));
        _spanMs = Rng.Uniform(1, 4);
        SetDurationMs(2_000);
        Param("levels", _levels);
        Param("spanMs", _spanMs);
    }

    public override void Begin(SyntheticMarket m)
    {
        AnchorPriceTicks = m.Best(_aggressor.Opposite());
        NextActionNs = StartNs;
    }

    public override void Act(SyntheticMarket m)
    {
        if (_phase == 0)
        {
            Sweep(m);
            _phase = 1;
            NextActionNs = m.NowNs + Ns(Rng.Uniform(30, 150));
            return;
        }
        // Makers on the other side follow the price to the new touch.
        if (_aggressor == Side.Buy) m.Requote(m.BestAsk - 1, m.BestAsk, null, 0);
        else m.Requote(m.BestBid, m.BestBid + 1, null, 0);
        NextActionNs = long.MaxValue;
    }

    private void Sweep(SyntheticMarket m)
    {
        var passive = _aggressor.Opposite();
        var book = m.Book(passive);
        int levels = Math.Min(_levels, book.Count - 1);
        long stepNs = Ns(_spanMs) / Math.Max(1, levels);
        for (int i = 0; i < levels; i++)
        {
            long px = book.BestPrice;
            long qty = book.BestQty;
            long pieces = Math.Min(qty, Rng.Between(1, 3));
            long left = qty;
            for (long j = pieces; j > 1; j--)
            {
                long piece = Math.Clamp((long)(left / (double)j * Rng.Uniform(0.5, 1.5)), 1, left - (j - 1));
                m.Print(_aggressor, px, piece);
                left -= piece;
            }
            m.Print(_aggressor, px, left);
            m.Set(passive, px, 0);
            m.NowNs += stepNs;
        }
    }
}
