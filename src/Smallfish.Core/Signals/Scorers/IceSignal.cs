using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// ICE: hidden size defending a level. Per side, once the level hit on that side has refilled MinRefills times, its
/// hidden share (volume traded beyond the largest visible size over the volume traded) over FullHiddenShare;
/// score = bid part - ask part (a bid iceberg defends the bid: buy).
/// </summary>
public static class IceSignal
{
    /// <summary>Scores <paramref name="f"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, IceSignalOptions o, in RegimeContext regime)
    {
        double bid = f.IceRefillsBid >= o.MinRefills ? ScoreMath.Unit(f.IceAbsorbBid, o.FullHiddenShare) : 0.0;
        double ask = f.IceRefillsAsk >= o.MinRefills ? ScoreMath.Unit(f.IceAbsorbAsk, o.FullHiddenShare) : 0.0;
        return SignalReading.From(bid - ask, o.ActivationThreshold, regime);
    }
}
