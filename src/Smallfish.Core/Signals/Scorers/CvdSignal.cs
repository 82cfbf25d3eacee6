using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// CVD: flow. score = (1 - a - d) x g x clamp(net flow / FullFlow) + a x g x acceleration + d x clamp(divergence /
/// FullDivergence), where a = AccelerationWeight, d = DivergenceWeight, and g = ramp(trade intensity, 1,
/// MinIntensityRatio) discounts flow seen at a usual or slow pace (a handful of large prints is not one-sided flow).
/// Divergence (net buying while the price fell) counts regardless of pace. Positive = buyers.
/// </summary>
public static class CvdSignal
{
    /// <summary>Scores <paramref name="f"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, CvdSignalOptions o, in RegimeContext regime)
    {
        double pace = o.MinIntensityRatio > 1 ? ScoreMath.Ramp(f.TpsRatio, 1.0, o.MinIntensityRatio) : 1.0;
        double a = o.AccelerationWeight, d = o.DivergenceWeight;
        double score = Math.Max(0, 1 - a - d) * pace * ScoreMath.Unit(f.CvdNorm, o.FullFlow)
            + a * pace * ScoreMath.Unit(f.CvdAccel, 1.0)
            + d * ScoreMath.Unit(f.CvdDivergence, o.FullDivergence);
        return SignalReading.From(score, o.ActivationThreshold, regime);
    }
}
