using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Grid;

/// <summary>
/// The grid's arithmetic as pure functions: center, spacing, bias, re-centering, size per level and the set of level
/// orders. No state, no clock, no allocation; the same inputs always give the same plan.
/// </summary>
/// <remarks>
/// <para>Geometry: buy levels at center - k x spacing and sell levels at center + k x spacing, k = 1..Levels. A
/// filled level is closed by a take-profit one level away (a buy at center - k x s sells at center - (k-1) x s), so a
/// round trip earns one spacing.</para>
/// <para>Bias: the center is shifted by BiasStrength x direction x confidence levels (confidence clamped to [0, 1],
/// the shift clamped to +-Levels levels), i.e. up for a bullish fused signal: the buys move toward the price and fill
/// sooner, the sells move away.</para>
/// <para>Re-centering: only when the biased center has moved more than the threshold (in levels of the current
/// spacing) from the placed center; with an unchanged spacing the center then moves by the nearest whole number of
/// levels, so every level that is still wanted keeps its price (and its queue place).</para>
/// </remarks>
public static class GridPlanner
{
    private const double BpsPerUnit = 1e-4;

    /// <summary>The raw (unbiased) center from <paramref name="features"/>, ticks; NaN when the source has no value yet.</summary>
    public static double CenterTicks(GridCenterSource source, in MarketFeatures features)
    {
        double center = source switch
        {
            GridCenterSource.Mid => features.MidTicks,
            GridCenterSource.Vwap => features.VwapRollingTicks,
            GridCenterSource.SessionVwap => features.VwapSessionTicks,
            _ => double.NaN,
        };
        return double.IsFinite(center) && center > 0 ? center : double.NaN;
    }

    /// <summary>The spacing the options ask for, given the current features (see the other overload).</summary>
    public static long SpacingTicks(MultigridOptions options, in MarketFeatures features)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SpacingTicks(options.SpacingMode, options.SpacingTicks, options.SpacingVolatilityMultiple, options.SpacingVolatilityHorizonSeconds,
            features.RvLongBps, features.MidTicks, options.MinSpacingTicks, options.MaxSpacingTicks);
    }

    /// <summary>
    /// Spacing in ticks: <paramref name="fixedTicks"/> in mode <see cref="GridSpacingMode.Ticks"/>; in mode
    /// <see cref="GridSpacingMode.Volatility"/> multiple x σ, where σ = <paramref name="rvBpsPerSqrtSecond"/> x
    /// sqrt(<paramref name="horizonSeconds"/>) bps of <paramref name="midTicks"/>, falling back to
    /// <paramref name="fixedTicks"/> while no volatility is known. Rounded to whole ticks and clamped to
    /// [max(1, <paramref name="minTicks"/>), <paramref name="maxTicks"/>].
    /// </summary>
    public static long SpacingTicks(GridSpacingMode mode, long fixedTicks, double multiple, double horizonSeconds, double rvBpsPerSqrtSecond,
        double midTicks, long minTicks, long maxTicks)
    {
        long floor = Math.Max(1, minTicks);
        long cap = Math.Max(floor, maxTicks);
        double ticks = fixedTicks;
        if (mode == GridSpacingMode.Volatility && rvBpsPerSqrtSecond > 0 && double.IsFinite(rvBpsPerSqrtSecond)
            && midTicks > 0 && double.IsFinite(midTicks) && multiple > 0 && horizonSeconds > 0)
        {
            ticks = multiple * rvBpsPerSqrtSecond * Math.Sqrt(horizonSeconds) * BpsPerUnit * midTicks;
        }
        if (!(ticks >= floor)) return floor; // also NaN
        if (ticks >= cap) return cap;
        return Math.Clamp((long)Math.Round(ticks, MidpointRounding.AwayFromZero), floor, cap);
    }

    /// <summary>
    /// The fee floor of the spacing, ticks: ceil((2 x <paramref name="makerFeeBps"/> + <paramref name="minEdgeBps"/>) x
    /// 1e-4 x <paramref name="centerTicks"/>), at least 1. A take-profit one spacing away then earns at least
    /// <paramref name="minEdgeBps"/> of the price after paying the maker fee twice (entry and exit).
    /// </summary>
    public static long FeeFloorTicks(double makerFeeBps, double minEdgeBps, double centerTicks)
    {
        if (!(centerTicks > 0) || !double.IsFinite(centerTicks)) return 1;
        double bps = 2 * makerFeeBps + minEdgeBps;
        if (!(bps > 0) || !double.IsFinite(bps)) return 1;
        return Math.Max(1, (long)Math.Ceiling(bps * BpsPerUnit * centerTicks - 1e-9));
    }

    /// <summary>
    /// The spacing to use: <paramref name="wantedTicks"/> (from the options) lifted to <paramref name="feeFloorTicks"/>.
    /// While the floor is what binds, the placed spacing <paramref name="placedTicks"/> is kept as long as it stays
    /// within [floor, 1.25 x floor], and a new one is set 10 % above the floor: the floor moves with the price, and a
    /// spacing that changed by a tick at every re-centering would move every level each time.
    /// </summary>
    public static long FeeAwareSpacing(long wantedTicks, long feeFloorTicks, long placedTicks)
    {
        if (wantedTicks > feeFloorTicks) return wantedTicks;
        if (placedTicks >= feeFloorTicks && placedTicks * 4 <= feeFloorTicks * 5) return placedTicks;
        return Math.Max(feeFloorTicks, (feeFloorTicks * 11 + 9) / 10);
    }

    /// <summary>
    /// The signal bias in levels: <paramref name="strength"/> x sign(<paramref name="direction"/>) x
    /// <paramref name="confidence"/> (clamped to [0, 1]), clamped to +-<paramref name="levels"/>. 0 without a direction.
    /// </summary>
    public static double BiasLevels(double strength, int direction, double confidence, int levels)
    {
        if (direction == 0 || !(strength > 0) || !double.IsFinite(strength) || !double.IsFinite(confidence)) return 0;
        double shift = strength * Math.Sign(direction) * Math.Clamp(confidence, 0, 1);
        return Math.Clamp(shift, -Math.Max(0, levels), Math.Max(0, levels));
    }

    /// <summary>The biased center: <paramref name="centerTicks"/> + <paramref name="biasLevels"/> x <paramref name="spacingTicks"/>.</summary>
    public static double BiasedCenter(double centerTicks, double biasLevels, long spacingTicks) => centerTicks + biasLevels * spacingTicks;

    /// <summary>
    /// The re-centering rule. With no placed center (<paramref name="placedCenterTicks"/> &lt;= 0) the new center is
    /// the target rounded to a tick. Otherwise nothing moves unless the target is more than
    /// <paramref name="thresholdLevels"/> x <paramref name="placedSpacingTicks"/> away; then, with an unchanged
    /// spacing, the center moves by the nearest whole number of spacings (levels keep their lattice), else to the
    /// rounded target. Returns true when the center changes.
    /// </summary>
    public static bool TryRecenter(long placedCenterTicks, long placedSpacingTicks, double targetCenterTicks, long spacingTicks,
        double thresholdLevels, out long centerTicks)
    {
        centerTicks = placedCenterTicks;
        if (!double.IsFinite(targetCenterTicks) || targetCenterTicks < 1 || spacingTicks <= 0) return false;
        long rounded = (long)Math.Round(targetCenterTicks, MidpointRounding.AwayFromZero);
        if (placedCenterTicks <= 0 || placedSpacingTicks <= 0)
        {
            centerTicks = rounded;
            return true;
        }

        double moved = targetCenterTicks - placedCenterTicks;
        if (Math.Abs(moved) <= thresholdLevels * placedSpacingTicks) return false;
        centerTicks = spacingTicks == placedSpacingTicks
            ? placedCenterTicks + (long)Math.Round(moved / spacingTicks, MidpointRounding.AwayFromZero) * spacingTicks
            : rounded;
        return centerTicks != placedCenterTicks;
    }

    /// <summary>
    /// Size of each level order: <paramref name="sizePct"/> % of <paramref name="equity"/> at
    /// <paramref name="priceTicks"/>, rounded down to lots; 0 when that is below the instrument's minimum quantity or
    /// notional (the grid does not size up to meet a minimum).
    /// </summary>
    public static long LotsPerLevel(decimal equity, double sizePct, long priceTicks, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (equity <= 0 || !(sizePct > 0) || !double.IsFinite(sizePct) || priceTicks <= 0) return 0;
        decimal notional = equity * (decimal)sizePct / 100m;
        long lots = spec.FloorLots(notional / spec.Price.ToDecimal(priceTicks));
        return lots >= spec.MinimumLotsAt(priceTicks) ? lots : 0;
    }

    /// <summary>
    /// Writes the wanted level orders to <paramref name="output"/> (capacity 2 x Levels): buys nearest the center
    /// first, then sells nearest first; returns how many. A level is left out when its price is not positive, it would
    /// cross or interleave with the grid's own take-profits (buys stay below every sell take-profit and below every buy
    /// take-profit, sells above every buy and every sell take-profit: while the grid is long its take-profits close the
    /// inventory before any sell level can open a short), its price is an occupied key (a filled level waiting for its
    /// take-profit), or the order misses the instrument's minimums at its price. The inventory cap then keeps levels
    /// nearest first while inventory plus reserved lots plus the levels kept so far, on that side, stays within
    /// <see cref="GridPlanRequest.MaxInventoryLots"/>: the worst case if every buy (or every sell) fills.
    /// </summary>
    public static int PlanLevels(in GridPlanRequest request, ReadOnlySpan<long> occupiedBuyKeys, ReadOnlySpan<long> occupiedSellKeys, Span<GridLevel> output)
    {
        long lots = request.LotsPerLevel;
        long s = request.SpacingTicks;
        if (lots <= 0 || s <= 0 || request.CenterTicks <= 0 || request.Levels <= 0) return 0;
        ArgumentNullException.ThrowIfNull(request.Spec);

        long buyCeiling = Min(request.SellTakeProfitLowTicks, request.BuyTakeProfitLowTicks);
        long sellFloor = Math.Max(request.BuyTakeProfitHighTicks, request.SellTakeProfitHighTicks);
        int n = 0;

        long worstLong = request.InventoryLots - request.WorkingLevelFilledBuyLots + request.ReservedBuyLots;
        for (int k = 1; k <= request.Levels; k++)
        {
            long px = request.CenterTicks - k * s;
            if (px <= 0) break;
            if (px >= buyCeiling || occupiedBuyKeys.Contains(px) || !request.Spec.MeetsMinimums(px, lots)) continue;
            if (worstLong + lots > request.MaxInventoryLots) break;
            worstLong += lots;
            output[n++] = new GridLevel(-k, Side.Buy, px, lots);
        }

        long worstShort = -request.InventoryLots - request.WorkingLevelFilledSellLots + request.ReservedSellLots;
        for (int k = 1; k <= request.Levels; k++)
        {
            long px = request.CenterTicks + k * s;
            if (px <= sellFloor || occupiedSellKeys.Contains(px) || !request.Spec.MeetsMinimums(px, lots)) continue;
            if (worstShort + lots > request.MaxInventoryLots) break;
            worstShort += lots;
            output[n++] = new GridLevel(k, Side.Sell, px, lots);
        }
        return n;
    }

    private static long Min(long a, long b)
    {
        long m = long.MaxValue;
        if (a > 0) m = a;
        if (b > 0 && b < m) m = b;
        return m;
    }
}
