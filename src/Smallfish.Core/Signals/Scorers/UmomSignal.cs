using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// UMOM: micro-momentum. z = fast-minus-slow EMA gap of the mid in volatility units (see
/// <see cref="UmomSignalOptions.FullMomentumSigma"/>); score = sign(z) x ramp(|z|, MinMomentumSigma, FullMomentumSigma).
/// Silent when short-window volatility is below MinVolatilityRatio of its baseline (a dead market), and, when flow
/// confirmation is required, unless the short window's net flow points the same way by at least MinFlowAgreement.
/// Damped in extreme volatility.
/// </summary>
public static class UmomSignal
{
    /// <summary>Scores <paramref name="f"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, UmomSignalOptions o, in RegimeContext regime)
    {
        double vol = ScoreMath.VolatilityBps(f);
        if (vol <= 0 || f.RvShortBps < o.MinVolatilityRatio * vol) return SignalReading.None;
        double z = ScoreMath.MomentumSigma(f, o.VolatilityHorizonSeconds);
        double score = ScoreMath.SignedRamp(z, o.MinMomentumSigma, o.FullMomentumSigma);
        if (score != 0 && o.RequireTradeFlowConfirmation && f.CvdNorm * Math.Sign(score) < o.MinFlowAgreement) return SignalReading.None;
        return SignalReading.From(score * regime.MomentumDamping, o.ActivationThreshold, regime);
    }
}
