using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// LTB: whale burst. Net volume of the large taker orders in the whale window (buy - sell), in multiples of the current
/// large-order threshold, over FullSizeMultiple; zero unless the dominant side has at least MinTrades large orders.
/// Positive = large buyers.
/// </summary>
public static class LtbSignal
{
    /// <summary>Scores <paramref name="f"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, LtbSignalOptions o, in RegimeContext regime)
    {
        long threshold = f.LargeTradeThresholdLots;
        if (threshold <= 0 || threshold == long.MaxValue) return SignalReading.None;
        long net = f.LargeBuyLots - f.LargeSellLots;
        long dominantCount = net > 0 ? f.LargeBuyCount : net < 0 ? f.LargeSellCount : 0;
        if (dominantCount < o.MinTrades) return SignalReading.None;
        double multiple = (double)net / threshold;
        return SignalReading.From(ScoreMath.Unit(multiple, o.FullSizeMultiple), o.ActivationThreshold, regime);
    }
}
