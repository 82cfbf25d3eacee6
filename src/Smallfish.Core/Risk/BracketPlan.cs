using Smallfish.Core.Domain;

namespace Smallfish.Core.Risk;

/// <summary>
/// The bracket of an entry in ticks: stop and take-profit around an entry price, from the stop distance (1R) and the
/// profile's reward:risk. The take-profit distance is rounded up, so the realized R:R is never below the profile's.
/// </summary>
/// <param name="EntryTicks">Entry price the bracket is built around.</param>
/// <param name="StopTicks">Protective stop price.</param>
/// <param name="TakeProfitTicks">Take-profit price.</param>
/// <param name="PartialTakeProfitTicks">Partial take-profit price (0 when none).</param>
/// <param name="DistanceTicks">Stop distance: 1R in ticks.</param>
public readonly record struct BracketPlan(long EntryTicks, long StopTicks, long TakeProfitTicks, long PartialTakeProfitTicks, long DistanceTicks)
{
    /// <summary>
    /// Builds the bracket for a position on <paramref name="side"/> entered at <paramref name="entryTicks"/>.
    /// <paramref name="partialAtR"/> &lt;= 0 means no partial take-profit.
    /// </summary>
    public static BracketPlan Create(Side side, long entryTicks, long distanceTicks, double rewardRisk, double partialAtR)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(distanceTicks, 1);
        int sign = side.Sign();
        long tpDistance = Math.Max(1, (long)Math.Ceiling(distanceTicks * rewardRisk - 1e-9));
        long partial = 0;
        if (partialAtR > 0)
        {
            long pDistance = Math.Max(1, (long)Math.Ceiling(distanceTicks * partialAtR - 1e-9));
            if (pDistance < tpDistance) partial = entryTicks + sign * pDistance;
        }
        long stop = entryTicks - sign * distanceTicks;
        if (stop < 1) stop = 1;
        return new BracketPlan(entryTicks, stop, entryTicks + sign * tpDistance, partial, distanceTicks);
    }
}
