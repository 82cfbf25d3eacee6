using Smallfish.Core.Instruments;

namespace Smallfish.Core.Risk;

/// <summary>
/// Fixed-fractional sizing: lots = floor(equity x risk % x drawdown multiplier / (stop distance x tick value per lot)),
/// cut to what the equity cap leaves (equity x cap - notional already open), rounded down to the qty step. A size
/// below the exchange minimums (min qty, min notional) is no trade: the sizer never rounds up, so it never risks more
/// than the budget nor exceeds the cap. Pure, exact (decimal money), allocation-free.
/// </summary>
public static class PositionSizer
{
    /// <summary>Sizes an entry on <paramref name="spec"/>'s grid.</summary>
    public static SizingResult Size(in SizingRequest request, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (request.Equity <= 0 || request.EntryTicks <= 0 || request.StopDistanceTicks <= 0 ||
            !(request.RiskPerTradePct > 0) || !(request.SizeMultiplier > 0) || !(request.EquityCapMultiple > 0))
        {
            return new SizingResult(0, 0, 0, 0, false, GateReason.BelowMinimumSize);
        }

        decimal budget = request.Equity * ToDecimal(request.RiskPerTradePct) / 100m * ToDecimal(Math.Min(1.0, request.SizeMultiplier));
        decimal lossPerLot = request.StopDistanceTicks * spec.TickSize * spec.QtyStep;
        long byRisk = Floor(budget / lossPerLot);

        decimal lotNotional = spec.Price.ToDecimal(request.EntryTicks) * spec.QtyStep;
        decimal capRoom = request.Equity * ToDecimal(request.EquityCapMultiple) - Math.Max(0, request.OpenNotional);
        long byCap = capRoom <= 0 ? 0 : Floor(capRoom / lotNotional);

        bool capped = byCap < byRisk;
        long lots = capped ? byCap : byRisk;
        if (lots <= 0 || !spec.MeetsMinimums(request.EntryTicks, lots))
        {
            return new SizingResult(0, budget, 0, 0, capped, GateReason.BelowMinimumSize);
        }
        return new SizingResult(lots, budget, lots * lossPerLot, lots * lotNotional, capped, GateReason.Pass);
    }

    private static long Floor(decimal value) => value >= long.MaxValue ? long.MaxValue : (long)decimal.Floor(value);

    // The conversion keeps 15 significant digits, so 1.5 stays 1.5 (no binary noise in the budget).
    private static decimal ToDecimal(double value) => (decimal)value;
}
