using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// OBI: book pressure. score = (1 - r - m) x clamp(imbalance / FullImbalance) + r x clamp(rate / FullRatePerSecond)
/// + m x micro-pressure, where r = RateOfChangeWeight, m = MicroPriceWeight and each part is first averaged over
/// SmoothingMs (a wall that stands, not one that flickers with every requote). Positive = bids heavier = buy.
/// </summary>
public static class ObiSignal
{
    /// <summary>Scores <paramref name="f"/>, updating the averages in <paramref name="state"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, ObiSignalOptions o, in RegimeContext regime, ref ObiState state)
    {
        double imbalance = f.Obi, rate = f.ObiRocPerSecond, micro = f.MicroPressure;
        if (o.SmoothingMs > 0)
        {
            if (!state.Ready || state.SmoothingMs != o.SmoothingMs)
            {
                double tau = o.SmoothingMs * 1e6;
                state.Imbalance = new TimeEma(tau);
                state.Rate = new TimeEma(tau);
                state.Micro = new TimeEma(tau);
                state.SmoothingMs = o.SmoothingMs;
                state.Ready = true;
            }
            long now = f.NowNs;
            state.Imbalance.Update(now, Finite(imbalance));
            state.Rate.Update(now, Finite(rate));
            state.Micro.Update(now, Finite(micro));
            imbalance = state.Imbalance.ValueAt(now);
            rate = state.Rate.ValueAt(now);
            micro = state.Micro.ValueAt(now);
        }

        double r = o.RateOfChangeWeight, m = o.MicroPriceWeight;
        double score = Math.Max(0, 1 - r - m) * ScoreMath.Unit(imbalance, o.FullImbalance)
            + r * ScoreMath.Unit(rate, o.FullRatePerSecond)
            + m * ScoreMath.Unit(micro, 1.0);
        return SignalReading.From(score, o.ActivationThreshold, regime);
    }

    private static double Finite(double x) => double.IsFinite(x) ? x : 0.0;
}
