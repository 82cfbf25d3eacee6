namespace Smallfish.Simulation.Backtesting.Statistics;

/// <summary>Largest fall of equity from a running peak.</summary>
/// <param name="Absolute">Largest (peak - equity), quote currency; 0 when equity never fell.</param>
/// <param name="Percent">Largest (peak - equity) / peak x 100 over the points with a positive peak; the two maxima may occur at different points.</param>
public readonly record struct Drawdown(decimal Absolute, double Percent)
{
    /// <summary>Computes the maximum drawdown of an equity curve given in time order.</summary>
    public static Drawdown Of(IReadOnlyList<EquityPoint> equity)
    {
        ArgumentNullException.ThrowIfNull(equity);
        if (equity.Count == 0) return default;
        decimal peak = equity[0].Equity;
        decimal maxAbs = 0;
        double maxPct = 0;
        for (int i = 0; i < equity.Count; i++)
        {
            decimal e = equity[i].Equity;
            if (e > peak) peak = e;
            decimal dd = peak - e;
            if (dd > maxAbs) maxAbs = dd;
            if (peak > 0)
            {
                double pct = (double)(dd / peak) * 100.0;
                if (pct > maxPct) maxPct = pct;
            }
        }
        return new Drawdown(maxAbs, maxPct);
    }
}
