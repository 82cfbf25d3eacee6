using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// ABSORB: a defended level. Each side's absorption score mapped to 0 at BaselineScore and 1 at FullScore;
/// score = bid part - ask part (bids absorbing the selling: buy).
/// </summary>
public static class AbsorbSignal
{
    /// <summary>Scores <paramref name="f"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, AbsorbSignalOptions o, in RegimeContext regime)
    {
        double bid = ScoreMath.Ramp(f.AbsorptionBid, o.BaselineScore, o.FullScore);
        double ask = ScoreMath.Ramp(f.AbsorptionAsk, o.BaselineScore, o.FullScore);
        return SignalReading.From(bid - ask, o.ActivationThreshold, regime);
    }
}
