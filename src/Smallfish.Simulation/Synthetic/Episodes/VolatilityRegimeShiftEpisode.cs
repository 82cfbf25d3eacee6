using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// Realized volatility steps to a new level for 30-90 s: up ("HighVolatility", half of episodes; 3 times intensity) or
/// down ("LowVolatility"; a quarter divided by intensity). The factor R is applied as R times the jump rate and sqrt(R)
/// times the jump size, so mid volatility from jumps scales by about R; taker activity follows (1.5x, or 0.5x with
/// near-touch cancels halved).
/// Direction 0.
/// </summary>
internal sealed class VolatilityRegimeShiftEpisode : EpisodeScript
{
    private readonly double _factor;
    private readonly bool _high;

    public VolatilityRegimeShiftEpisode(long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx)
        : base(EpisodeKind.VolatilityRegimeShift, startNs, intensity, rng)
    {
        _high = Rng.Chance(0.5);
        _factor = _high ? 3 * intensity : 1 / (4 * intensity);
        Direction = 0;
        Regime = _high ? "HighVolatility" : "LowVolatility";
        SetDurationMs(Rng.Uniform(30_000, 90_000));
        Param("volatilityFactor", _factor);
        Param("jumpRateMultiplier", _factor);
        Param("jumpSizeMultiplier", Math.Sqrt(_factor));
    }

    public override void Begin(SyntheticMarket m)
    {
        AnchorPriceTicks = m.BestBid;
        m.Mod.JumpRate = _factor;
        m.Mod.JumpSize = Math.Sqrt(_factor);
        m.Mod.TakerRate = _high ? 1.5 : 0.5;
        if (!_high) m.Mod.CancelRate[0] = m.Mod.CancelRate[1] = 0.5;
    }
}
