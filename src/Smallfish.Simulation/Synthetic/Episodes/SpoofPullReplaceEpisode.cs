using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// Fake pressure: a large order rests 2-5 ticks behind one touch for 0.3-0.9 s, is pulled before anything trades it
/// (also at once if the touch comes to it), and is placed again relative to the new touch after a short pause, over and
/// over. The price leans a little the other way, and the label's direction is that fade.
/// </summary>
internal sealed class SpoofPullReplaceEpisode : EpisodeScript
{
    private const int MinDistance = 2, MaxDistance = 5;
    private const double HoldMinMs = 300, HoldMaxMs = 900, GapMinMs = 150, GapMaxMs = 400;
    private readonly Side _fake;
    private readonly long _lots;
    private bool _resting;

    public SpoofPullReplaceEpisode(long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.SpoofPullReplace, startNs, intensity, rng)
    {
        _fake = RandomSide();
        ActiveSide = _fake;
        Direction = -_fake.Sign();
        double qty = 25 * intensity;
        _lots = ctx.Sizes.ToLots(qty);
        SetDurationMs(Rng.Uniform(8_000, 15_000));
        Param("spoofQty", qty);
        Param("minDistanceTicks", MinDistance);
        Param("maxDistanceTicks", MaxDistance);
        Param("holdMinMs", HoldMinMs);
        Param("holdMaxMs", HoldMaxMs);
    }

    public override void Begin(SyntheticMarket m)
    {
        m.Mod.BiasJumps(Direction, 0.6);
        NextActionNs = StartNs + Ns(Rng.Uniform(50, 200));
    }

    public override void Act(SyntheticMarket m)
    {
        if (_resting)
        {
            m.PullSpoof();
            m.Guard.Clear();
            _resting = false;
            NextActionNs = m.NowNs + Ns(Rng.Uniform(GapMinMs, GapMaxMs));
            return;
        }
        long price = SyntheticMarket.Deeper(_fake, m.Best(_fake), Rng.Between(MinDistance, MaxDistance));
        if (!m.CanRest(_fake, price))
        {
            NextActionNs = m.NowNs + Ns(50);
            return;
        }
        long lots = (long)(_lots * Rng.Uniform(0.7, 1.3));
        m.Set(_fake, price, m.Qty(_fake, price) + lots);
        m.Guard.Clear();
        m.Guard.Mode = GuardMode.Spoof;
        m.Guard.Side = _fake;
        m.Guard.Price = price;
        m.Guard.ReservedLots = lots;
        if (AnchorPriceTicks == 0) AnchorPriceTicks = price;
        _resting = true;
        NextActionNs = m.NowNs + Ns(Rng.Uniform(HoldMinMs, HoldMaxMs));
    }

    public override void End(SyntheticMarket m)
    {
        if (_resting) m.PullSpoof();
        _resting = false;
    }
}
