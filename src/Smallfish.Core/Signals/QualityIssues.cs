namespace Smallfish.Core.Signals;

/// <summary>Why the fusion's quality gate failed; several can hold at once. See docs/signals.md.</summary>
[Flags]
public enum QualityIssues
{
    /// <summary>The gate passed.</summary>
    None = 0,

    /// <summary>The book is not synced, one-sided or crossed.</summary>
    BookInvalid = 1 << 0,

    /// <summary>The features have not yet seen their longest window.</summary>
    NotWarm = 1 << 1,

    /// <summary>The last book event is older than <c>Fusion:MaxBookAgeMs</c>.</summary>
    StaleBook = 1 << 2,

    /// <summary>The spread is wider than <c>Fusion:MaxSpreadTicks</c>.</summary>
    WideSpread = 1 << 3,

    /// <summary>The feed latency is above <c>Fusion:MaxFeedLatencyMs</c>.</summary>
    SlowFeed = 1 << 4,

    /// <summary>The volatility regime is extreme and <c>Fusion:BlockExtremeRegime</c> is on.</summary>
    ExtremeRegime = 1 << 5,

    /// <summary>Fewer than <c>Fusion:MinAgreement</c> of the active signals agree with the direction.</summary>
    LowAgreement = 1 << 6,

    /// <summary>More than <c>Fusion:MaxOpposingSignals</c> active signals point against the direction.</summary>
    TooManyOpposing = 1 << 7,
}
