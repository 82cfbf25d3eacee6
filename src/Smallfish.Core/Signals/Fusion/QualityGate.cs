using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Fusion;

/// <summary>
/// The fusion's quality gate: is the picture the signals painted trustworthy? The book is valid (synced, two-sided,
/// uncrossed) and fresh (last book event at most <see cref="FusionOptions.MaxBookAgeMs"/> old), the features are warm
/// (their longest window observed), the spread and the feed latency are sane, the regime is not extreme (when
/// <see cref="FusionOptions.BlockExtremeRegime"/>), and the active signals mostly agree (at least
/// <see cref="FusionOptions.MinAgreement"/> of them, at most <see cref="FusionOptions.MaxOpposingSignals"/> against).
/// The risk gates (spread, latency, funding, drawdown, kill switch) are separate and stricter.
/// </summary>
public static class QualityGate
{
    /// <summary>Every issue that holds (<see cref="QualityIssues.None"/> = pass).</summary>
    public static QualityIssues Check(in MarketFeatures f, VolatilityRegime regime, int active, int agreeing, int opposing, FusionOptions o)
    {
        var issues = QualityIssues.None;
        if (!f.IsBookValid) issues |= QualityIssues.BookInvalid;
        if (!f.IsWarm) issues |= QualityIssues.NotWarm;
        if (!(f.BookAgeMs <= o.MaxBookAgeMs)) issues |= QualityIssues.StaleBook;
        if (f.SpreadTicks > o.MaxSpreadTicks) issues |= QualityIssues.WideSpread;
        if (f.FeedLatencyMs > o.MaxFeedLatencyMs) issues |= QualityIssues.SlowFeed;
        if (o.BlockExtremeRegime && regime == VolatilityRegime.Extreme) issues |= QualityIssues.ExtremeRegime;
        if (active > 0)
        {
            if (agreeing < o.MinAgreement * active) issues |= QualityIssues.LowAgreement;
            if (opposing > o.MaxOpposingSignals) issues |= QualityIssues.TooManyOpposing;
        }
        return issues;
    }
}
