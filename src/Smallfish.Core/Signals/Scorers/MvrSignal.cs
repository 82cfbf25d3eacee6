using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// MVR: breakout versus chop. ratio = short-window volatility over the long-run volatility (the baseline). At or below
/// ChopRatio the market is chopping and the signal is silent. Otherwise breakout = ramp(ratio, BreakoutRatio,
/// FullBreakoutRatio), pointed the momentum's way once the momentum reaches MinMomentumSigma volatility units; damped in
/// extreme volatility.
/// </summary>
public static class MvrSignal
{
    /// <summary>Scores <paramref name="f"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, MvrSignalOptions o, in RegimeContext regime)
    {
        double ratio = Ratio(f);
        if (ratio <= o.ChopRatio) return SignalReading.None;
        double breakout = ScoreMath.Ramp(ratio, o.BreakoutRatio, o.FullBreakoutRatio);
        if (breakout <= 0) return SignalReading.None;
        double z = ScoreMath.MomentumSigma(f, o.VolatilityHorizonSeconds);
        if (z == 0 || Math.Abs(z) < o.MinMomentumSigma) return SignalReading.None;
        return SignalReading.From(Math.Sign(z) * breakout * regime.MomentumDamping, o.ActivationThreshold, regime);
    }

    /// <summary>Short-window volatility over the long-run volatility; 1 while either is unknown.</summary>
    public static double Ratio(in MarketFeatures f)
    {
        double vol = ScoreMath.VolatilityBps(f);
        if (vol <= 0 || !double.IsFinite(f.RvShortBps)) return 1.0;
        return f.RvShortBps / vol;
    }

    /// <summary>True when the features show chop (short-window volatility at most ChopRatio of the long-run volatility).</summary>
    public static bool IsChop(in MarketFeatures f, MvrSignalOptions o) => Ratio(f) <= o.ChopRatio;
}
