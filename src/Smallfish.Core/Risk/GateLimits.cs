using Smallfish.Core.Configuration;

namespace Smallfish.Core.Risk;

/// <summary>The pre-trade gates' limits in the units the gates compare (ns, ticks, R), precomputed from options.</summary>
/// <param name="MaxSpreadTicks">Widest spread allowed, ticks.</param>
/// <param name="MaxFeedLatencyNs">Largest feed latency allowed, ns.</param>
/// <param name="FundingWindowNs">Half-width of the no-entry window around a funding time, ns (0 = off).</param>
/// <param name="CooldownNs">Pause after a losing trade, ns.</param>
/// <param name="BookStaleNs">Longest time without a book update, ns.</param>
/// <param name="DailyLossLimitR">Daily net loss in R that blocks entries (0 = off).</param>
/// <param name="MaxConcurrentPositions">Most positions open at once across symbols.</param>
public readonly record struct GateLimits(
    long MaxSpreadTicks,
    long MaxFeedLatencyNs,
    long FundingWindowNs,
    long CooldownNs,
    long BookStaleNs,
    double DailyLossLimitR,
    int MaxConcurrentPositions)
{
    private const long Ms = 1_000_000;

    /// <summary>The limits of one symbol's effective options.</summary>
    public static GateLimits From(GatesOptions gates, RiskOptions risk)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(risk);
        return new GateLimits(
            gates.MaxSpreadTicks,
            gates.MaxFeedLatencyMs * Ms,
            gates.FundingWindowMinutes * 60_000L * Ms,
            gates.CooldownAfterLossSeconds * 1000L * Ms,
            gates.BookStaleMs * Ms,
            risk.DailyLossLimitR,
            risk.MaxConcurrentPositions);
    }
}
