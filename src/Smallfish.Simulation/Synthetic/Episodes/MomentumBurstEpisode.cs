using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// A sustained drift: over 4-10 s the mid is walked 4 background volatility units (sigma x sqrt(duration), times
/// intensity) in one direction in steps every 120-250 ms, each step led by an aggressive order that trades the old
/// touch; background takers lean 85/15 the same way at 2.5 times their rate and jumps lean 65/35. Steps are sized from
/// the progress so far, so noise cannot undo the move. The book leans with it: each step adds a resting order (median
/// 1.5 x intensity) 0-2 ticks behind the drift side's touch. Direction = drift.
/// </summary>
internal sealed class MomentumBurstEpisode : EpisodeScript
{
    private readonly double _driftTicks;
    private long _startMid2;

    public MomentumBurstEpisode(long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.MomentumBurst, startNs, intensity, rng)
    {
        Direction = Rng.Chance(0.5) ? 1 : -1;
        ActiveSide = ToSide(Direction);
        double durationMs = Rng.Uniform(4_000, 10_000);
        SetDurationMs(durationMs);
        _driftTicks = Math.Max(20, Math.Round(4 * intensity * ctx.SigmaTicksPerSqrtSecond * Math.Sqrt(durationMs / 1000)));
        Param("driftTicks", _driftTicks);
        Param("sigmaTicksPerSqrtSecond", ctx.SigmaTicksPerSqrtSecond);
        Param("durationMs", durationMs);
    }

    public override void Begin(SyntheticMarket m)
    {
        _startMid2 = m.Mid2;
        AnchorPriceTicks = m.BestBid;
        m.Mod.BiasJumps(Direction, 0.65);
        m.Mod.BiasTakers(Direction, 0.85);
        m.Mod.TakerRate = 2.5;
        NextActionNs = StartNs + Ns(Rng.Uniform(50, 150));
    }

    public override void Act(SyntheticMarket m)
    {
        double elapsed = (double)(m.NowNs - StartNs) / (EndNs - StartNs);
        // Aim a little ahead of a straight line so the full drift is in by about 90% of the episode.
        double target = _driftTicks * Math.Min(1, elapsed / 0.9 + 0.05);
        long step = (long)Math.Round(target - MovedTicks(m, _startMid2, Direction));
        if (step > 0) m.Move(Direction * step, (int)(1 + Rng.Geometric(2)), 2);
        // Informed flow leans the book too: passive size joins 0-2 ticks behind the drift's touch at every step (drawn
        // from the episode's own stream, so the background's draws stay as they were). Without it a burst moved only
        // the flow signals, and no entry (three to five agreeing signals) ever formed on generated data.
        var lead = Direction > 0 ? Side.Buy : Side.Sell;
        m.Add(lead, SyntheticMarket.Deeper(lead, m.Best(lead), Rng.Between(0, 2)), m.Sizes.ToLots(Rng.LogNormal(1.5 * Intensity, 0.5)));
        NextActionNs = m.NowNs + Ns(Rng.Uniform(120, 250));
    }
}
