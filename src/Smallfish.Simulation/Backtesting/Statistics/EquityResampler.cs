namespace Smallfish.Simulation.Backtesting.Statistics;

/// <summary>
/// Puts an irregular equity curve on a fixed time grid: grid points <c>start + k x interval</c> for every k with the
/// point not after <c>end</c>, each taking the last equity at or before it (as-of). Before the first equity point the
/// first point's equity holds. A partial last interval (end not on the grid) is dropped.
/// </summary>
public static class EquityResampler
{
    /// <summary>
    /// Returns the simple returns <c>E[k] / E[k-1] - 1</c> between consecutive grid points from
    /// <paramref name="startNs"/> to <paramref name="endNs"/>. Intervals starting at non-positive equity are skipped
    /// (a return on a wiped-out account is undefined).
    /// </summary>
    public static double[] Returns(IReadOnlyList<EquityPoint> equity, long startNs, long endNs, long intervalNs)
    {
        ArgumentNullException.ThrowIfNull(equity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalNs);
        if (equity.Count == 0 || endNs <= startNs) return [];
        long steps = (endNs - startNs) / intervalNs;
        if (steps < 1) return [];
        var returns = new List<double>((int)Math.Min(steps, 1 << 20));
        int cursor = 0;
        decimal previous = AsOf(equity, startNs, ref cursor);
        for (long k = 1; k <= steps; k++)
        {
            decimal current = AsOf(equity, startNs + (k * intervalNs), ref cursor);
            if (previous > 0) returns.Add((double)(current / previous) - 1.0);
            previous = current;
        }
        return returns.ToArray();
    }

    private static decimal AsOf(IReadOnlyList<EquityPoint> equity, long tsNs, ref int cursor)
    {
        while (cursor + 1 < equity.Count && equity[cursor + 1].TsNs <= tsNs) cursor++;
        return equity[cursor].Equity;
    }
}
