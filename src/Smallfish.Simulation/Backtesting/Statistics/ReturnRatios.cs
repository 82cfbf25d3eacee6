namespace Smallfish.Simulation.Backtesting.Statistics;

/// <summary>Annualized Sharpe and Sortino ratios of per-period returns (risk-free rate and target return 0).</summary>
public static class ReturnRatios
{
    /// <summary>
    /// mean / sample standard deviation (n - 1) x sqrt(periods per year). NaN with fewer than two returns or zero
    /// deviation (a flat curve has no defined Sharpe).
    /// </summary>
    public static double Sharpe(ReadOnlySpan<double> returns, double periodsPerYear)
    {
        int n = returns.Length;
        if (n < 2) return double.NaN;
        double mean = Mean(returns);
        double ss = 0;
        foreach (double r in returns) ss += (r - mean) * (r - mean);
        double sd = Math.Sqrt(ss / (n - 1));
        return sd == 0 ? double.NaN : mean / sd * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// mean / downside deviation x sqrt(periods per year), the downside deviation being sqrt(sum(min(r, 0)^2) / n)
    /// over all n returns. NaN with fewer than two returns or a zero mean with no downside; +infinity when the mean is
    /// positive and no return is negative.
    /// </summary>
    public static double Sortino(ReadOnlySpan<double> returns, double periodsPerYear)
    {
        int n = returns.Length;
        if (n < 2) return double.NaN;
        double mean = Mean(returns);
        double ss = 0;
        foreach (double r in returns)
        {
            if (r < 0) ss += r * r;
        }
        double dd = Math.Sqrt(ss / n);
        if (dd == 0) return mean > 0 ? double.PositiveInfinity : double.NaN;
        return mean / dd * Math.Sqrt(periodsPerYear);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum / values.Length;
    }
}
