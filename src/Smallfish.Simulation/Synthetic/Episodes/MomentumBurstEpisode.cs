using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// A sustained drift: over 4-10 s the mid is walked 4 background volatility units (sigma x sqrt(duration), times
/// intensity) in one direction in steps every 120-250 ms, each step led by an aggressive order that trades the old
/// touch; background takers lean 85/15 the same way at 2.5 times their rate and jumps lean 65/35. Steps are sized from
/// the progress so far, so noise cannot undo the move. The book leans with it: the drift side's makers add three times
/// as often, cancel at 0.3x and re-quote twice the size, the other side adds at 0.4x, cancels twice as often and
/// re-quotes half the size. Direction = drift.
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
        // Informed flow leans the book too: passive size piles up behind the drift (makers on the drift side join more,
        // cancel less and re-quote bigger) while the side the price runs into thins. Without it a burst moved only the
        // flow signals, and no entry (at least three or four agreeing signals) ever formed on generated data.
        int lead = Direction > 0 ? 0 : 1, other = 1 - lead;
        m.Mod.AddRate[lead] = 3;
        m.Mod.CancelRate[lead] = 0.3;
        m.Mod.QuoteSize[lead] = 2;
        m.Mod.AddRate[other] = 0.4;
        m.Mod.CancelRate[other] = 2;
        m.Mod.QuoteSize[other] = 0.5;
        NextActionNs = StartNs + Ns(Rng.Uniform(50, 150));
    }

    public override void Act(SyntheticMarket m)
    {
        double elapsed = (double)(m.NowNs - StartNs) / (EndNs - StartNs);
        // Aim a little ahead of a straight line so the full drift is in by about 90% of the episode.
        double target = _driftTicks * Math.Min(1, elapsed / 0.9 + 0.05);
        long step = (long)Math.Round(target - MovedTicks(m, _startMid2, Direction));
        if (step > 0) m.Move(Direction * step, (int)(1 + Rng.Geometric(2)), 2);
        NextActionNs = m.NowNs + Ns(Rng.Uniform(120, 250));
    }
}
