using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// VWAP: mean reversion. d = (mid - VWAP) in bps over (volatility x the square root of VolatilityHorizonSeconds);
/// score = -sign(d) x ramp(|d|, MinDeviationSigma, FullDeviationSigma): far above VWAP sells, far below buys.
/// </summary>
public static class VwapSignal
{
    /// <summary>Scores <paramref name="f"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, VwapSignalOptions o, in RegimeContext regime)
    {
        double vol = ScoreMath.VolatilityBps(f);
        if (vol <= 0) return SignalReading.None;
        double devBps = o.UseSessionVwap ? f.VwapDevBps : f.VwapRollingDevBps;
        double d = devBps / (vol * Math.Sqrt(o.VolatilityHorizonSeconds));
        if (!double.IsFinite(d)) return SignalReading.None;
        return SignalReading.From(-ScoreMath.SignedRamp(d, o.MinDeviationSigma, o.FullDeviationSigma), o.ActivationThreshold, regime);
    }
}
