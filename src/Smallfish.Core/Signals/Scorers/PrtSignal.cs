using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>
/// PRT: fade spoofed pressure. Each side's spoof score (pulled large size near the touch against the usual amount) is
/// mapped to 0 at UsualScore and 1 at FullScore; score = ask part - bid part (fake asks push the price down falsely:
/// buy; fake bids: sell).
/// </summary>
public static class PrtSignal
{
    /// <summary>Scores <paramref name="f"/>.</summary>
    public static SignalReading Evaluate(in MarketFeatures f, PrtSignalOptions o, in RegimeContext regime)
    {
        double fakeBids = ScoreMath.Ramp(f.SpoofBid, o.UsualScore, o.FullScore);
        double fakeAsks = ScoreMath.Ramp(f.SpoofAsk, o.UsualScore, o.FullScore);
        return SignalReading.From(fakeAsks - fakeBids, o.ActivationThreshold, regime);
    }
}
