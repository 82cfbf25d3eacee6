using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// LIQ: thin book. a = near-touch depth asymmetry (the OBI band) and t = thinness (the wider band's average depth over
/// its current depth), both averaged over SmoothingMs; score = ramp(t, ThickRatio, UsualRatio) x clamp(a / FullAsymmetry):
/// toward the thin side (more bid than ask depth near the touch = thin asks = buy), silent while the book is thicker than
/// usual (a wall is being built: OBI's business).
/// </summary>
public static class LiqSignal
{
    /// <summary>Scores <paramref name="f"/>, updating the averages in <paramref name="state"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, LiqSignalOptions o, in RegimeContext regime, ref LiqState state)
    {
        double asymmetry = double.IsFinite(f.Obi) ? f.Obi : 0.0;
        double thinness = double.IsFinite(f.LiqThinness) ? f.LiqThinness : 1.0;
        if (o.SmoothingMs > 0)
        {
            if (!state.Ready || state.SmoothingMs != o.SmoothingMs)
            {
                state.Asymmetry = new TimeEma(o.SmoothingMs * 1e6);
                state.Thinness = new TimeEma(o.SmoothingMs * 1e6);
                state.SmoothingMs = o.SmoothingMs;
                state.Ready = true;
            }
            state.Asymmetry.Update(f.NowNs, asymmetry);
            state.Thinness.Update(f.NowNs, thinness);
            asymmetry = state.Asymmetry.ValueAt(f.NowNs);
            thinness = state.Thinness.ValueAt(f.NowNs);
        }
        double open = ScoreMath.Ramp(thinness, o.ThickRatio, Math.Max(o.UsualRatio, o.ThickRatio));
        return SignalReading.From(open * ScoreMath.Unit(asymmetry, o.FullAsymmetry), o.ActivationThreshold, regime);
    }
}
