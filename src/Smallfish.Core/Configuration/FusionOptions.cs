using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Fusion</c>: how the signal scores become an entry decision, and the quality gate on top.
/// Confidence is |sum of weight x score over the active signals| over the sum of the active signals' weights, in [0, 1]
/// (see docs/signals.md). Overridable per symbol.
/// </summary>
public sealed class FusionOptions
{
    /// <summary>Minimum number of active signals (of 13) agreeing before an entry (min_signals; 5/4/3/3 by profile).</summary>
    [Range(1, 13)]
    public int MinSignals { get; set; } = 4;

    /// <summary>Fused confidence in (0, 1) required to enter (C_enter; 0.58/0.55/0.55/0.52 by profile).</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double EnterConfidence { get; set; } = 0.55;

    /// <summary>Quality gate: share in (0, 1] of the active signals that must point the same way as the entry.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double MinAgreement { get; set; } = 0.6;

    /// <summary>Quality gate: most active signals allowed to point against the entry.</summary>
    [Range(0, 13)]
    public int MaxOpposingSignals { get; set; } = 2;

    /// <summary>Quality gate: the last book event may be at most this old when the signals are read, in milliseconds.</summary>
    [Range(1, 600_000)]
    public int MaxBookAgeMs { get; set; } = 1000;

    /// <summary>Quality gate (sanity, the risk gate's spread limit is separate): widest spread the signals are trusted on, in ticks.</summary>
    [Range(1, 1_000_000)]
    public int MaxSpreadTicks { get; set; } = 10;

    /// <summary>Quality gate (sanity): highest feed latency (local receive minus exchange time) the signals are trusted on, in milliseconds.</summary>
    [Range(1, 600_000)]
    public int MaxFeedLatencyMs { get; set; } = 1000;

    /// <summary>Quality gate: no entries while the volatility regime is extreme.</summary>
    public bool BlockExtremeRegime { get; set; } = true;
}
