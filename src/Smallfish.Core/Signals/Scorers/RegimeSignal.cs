using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// REGIME: volatility regime. The ratio is the short-window realized volatility, its square averaged over
/// SmoothingSeconds, over the slow baseline of long-window volatility. Low below LowRatio, high from HighRatio, extreme
/// from ExtremeRatio; normal between, and while the features are not warm. Hysteresis: the regime leaves low only once
/// the ratio is Hysteresis (relative) above LowRatio, and leaves high or extreme only once it is Hysteresis below that
/// regime's boundary. Its score follows the momentum while volatility expands: ramp(ratio, 1, HighRatio) x the momentum
/// in volatility units (capped at 1), damped in extreme volatility.
/// </summary>
public static class RegimeSignal
{
    /// <summary>Updates the regime of <paramref name="state"/> from <paramref name="f"/> and returns it.</summary>
    public static VolatilityRegime Classify(in MarketFeatures f, RegimeSignalOptions o, ref RegimeState state)
    {
        if (!state.Ready || state.SmoothingSeconds != o.SmoothingSeconds)
        {
            state.Variance = new TimeEma(o.SmoothingSeconds * 1e9);
            state.SmoothingSeconds = o.SmoothingSeconds;
            state.Regime = VolatilityRegime.Normal;
            state.Ratio = 1;
            state.Ready = true;
        }
        double shortBps = double.IsFinite(f.RvShortBps) ? f.RvShortBps : 0.0;
        state.Variance.Update(f.NowNs, shortBps * shortBps);
        double baseline = f.RvBaselineBps;
        if (!f.IsWarm || !(baseline > 0))
        {
            state.Ratio = 1;
            state.Regime = VolatilityRegime.Normal;
            return state.Regime;
        }
        double ratio = Math.Sqrt(Math.Max(0, state.Variance.ValueAt(f.NowNs))) / baseline;
        state.Ratio = double.IsFinite(ratio) ? ratio : 1;
        state.Regime = Next(state.Regime, state.Ratio, o);
        return state.Regime;
    }

    /// <summary>The REGIME score for the regime classified into <paramref name="state"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, RegimeSignalOptions o, in RegimeContext regime, in RegimeState state)
    {
        double expansion = ScoreMath.Ramp(state.Ratio, 1.0, o.HighRatio);
        if (expansion <= 0) return SignalReading.None;
        double momentum = Math.Clamp(ScoreMath.MomentumSigma(f, o.MomentumHorizonSeconds), -1.0, 1.0);
        return SignalReading.From(expansion * momentum * regime.MomentumDamping, o.ActivationThreshold, regime);
    }

    /// <summary>The regime that follows <paramref name="current"/> at <paramref name="ratio"/>, with hysteresis.</summary>
    public static VolatilityRegime Next(VolatilityRegime current, double ratio, RegimeSignalOptions o)
    {
        VolatilityRegime raw = ratio < o.LowRatio ? VolatilityRegime.Low
            : ratio < o.HighRatio ? VolatilityRegime.Normal
            : ratio < o.ExtremeRatio ? VolatilityRegime.High
            : VolatilityRegime.Extreme;
        double h = o.Hysteresis;
        if (current == VolatilityRegime.Low && raw > current && ratio < o.LowRatio * (1 + h)) return current;
        if (raw < current)
        {
            if (current == VolatilityRegime.Extreme && ratio >= o.ExtremeRatio * (1 - h)) return current;
            if (current == VolatilityRegime.High && ratio >= o.HighRatio * (1 - h)) return current;
            if (current == VolatilityRegime.Extreme && raw < VolatilityRegime.High && ratio >= o.HighRatio * (1 - h)) return VolatilityRegime.High;
        }
        return raw;
    }
}
