using Smallfish.Core.Domain;

namespace Smallfish.Core.Brackets;

/// <summary>
/// The trailing stop rule: once the open profit at the best price reached <c>activation</c> (ticks; the activation R
/// multiple times the initial risk), the stop follows the best price at <c>step</c> ticks behind it, moving only
/// forward and only in whole steps of <c>step</c> ticks, and never to a price the market has already traded through.
/// Pure.
/// </summary>
public static class TrailingStop
{
    /// <summary>
    /// The new stop price, or 0 when the stop stays: not yet activated, no step gained, or the new stop would be at or
    /// through <paramref name="lastTradeTicks"/>.
    /// </summary>
    public static long Next(Side side, decimal entryTicks, long bestTicks, long currentStopTicks, decimal activationTicks, long stepTicks, long lastTradeTicks)
    {
        if (stepTicks <= 0 || bestTicks <= 0) return 0;
        int sign = side.Sign();
        if ((bestTicks - entryTicks) * sign < activationTicks) return 0;
        long desired = bestTicks - sign * stepTicks;
        if ((desired - currentStopTicks) * sign < stepTicks) return 0;
        if (lastTradeTicks > 0 && (lastTradeTicks - desired) * sign <= 0) return 0;
        return desired;
    }
}
