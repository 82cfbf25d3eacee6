using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Numerics;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// SWEEP: the last remembered multi-level burst. score = side x ramp(levels, MinLevels - 1, FullLevels) x
/// exp(-age / DecayMs): a sweep of MinLevels levels starts above zero, FullLevels is full, and the score fades after the
/// burst's last trade. Damped in extreme volatility.
/// </summary>
public static class SweepSignal
{
    /// <summary>Scores <paramref name="f"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, SweepSignalOptions o, in RegimeContext regime)
    {
        if (f.SweepSide == 0 || f.SweepLevels < o.MinLevels) return SignalReading.None;
        double size = ScoreMath.Ramp(f.SweepLevels, o.MinLevels - 1, Math.Max(o.FullLevels, o.MinLevels));
        double fade = DecayMath.Exp(-Math.Max(0, f.SweepAgeMs) / o.DecayMs);
        return SignalReading.From(Math.Sign(f.SweepSide) * size * fade * regime.MomentumDamping, o.ActivationThreshold, regime);
    }
}
