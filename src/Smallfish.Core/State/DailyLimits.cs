using Smallfish.Core.Configuration;

namespace Smallfish.Core.State;

/// <summary>The daily limits whose breach trips the kill switch. A limit of 0 is off.</summary>
/// <param name="MaxLossR">Largest net realized loss of a day in R multiples (seeds: 10).</param>
/// <param name="MaxLossMoney">Largest net realized loss of a day in quote currency.</param>
/// <param name="MaxSlippageBreaches">Slippage breaches in a day that trip the switch (seeds: 3).</param>
public readonly record struct DailyLimits(double MaxLossR, decimal MaxLossMoney, int MaxSlippageBreaches)
{
    /// <summary>The limits of <c>Smallfish:Risk</c> (it has no money limit, so that one is off).</summary>
    public static DailyLimits FromOptions(RiskOptions risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return new DailyLimits(risk.DailyLossLimitR, 0m, risk.MaxSlippageBreaches);
    }
}
