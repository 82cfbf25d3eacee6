using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// TPS: urgency. u = ramp(trade intensity, 1, UrgencyRatio); the direction is the buy/sell volume ratio of the short
/// window, b = ramp(log ratio, log MinBuySellRatio, log FullBuySellRatio) toward the heavier side; score = u x b.
/// </summary>
public static class TpsSignal
{
    /// <summary>Scores <paramref name="f"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, TpsSignalOptions o, in RegimeContext regime)
    {
        double urgency = ScoreMath.Ramp(f.TpsRatio, 1.0, o.UrgencyRatio);
        if (urgency <= 0) return SignalReading.None;
        double buy = f.BuyShortLots, sell = f.SellShortLots;
        if (buy + sell <= 0) return SignalReading.None;
        double lo = Math.Log(o.MinBuySellRatio), hi = Math.Log(Math.Max(o.FullBuySellRatio, o.MinBuySellRatio));
        // A side with no volume makes the ratio infinite: full direction.
        double logRatio = buy > 0 && sell > 0 ? Math.Log(buy / sell) : buy > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        double direction = logRatio >= 0 ? ScoreMath.Ramp(logRatio, lo, hi) : -ScoreMath.Ramp(-logRatio, lo, hi);
        return SignalReading.From(urgency * direction, o.ActivationThreshold, regime);
    }
}
