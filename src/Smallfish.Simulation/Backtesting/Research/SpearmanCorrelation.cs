namespace Smallfish.Simulation.Backtesting.Research;

/// <summary>Spearman rank correlation: the Pearson correlation of the values' ranks, ties taking their average rank.</summary>
public static class SpearmanCorrelation
{
    /// <summary>
    /// Correlation of <paramref name="x"/> and <paramref name="y"/> (equal lengths). NaN with fewer than 3 pairs or when
    /// either side has every value tied (no ranking, no correlation).
    /// </summary>
    public static double Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y must have the same length", nameof(y));
        if (x.Length < 3) return double.NaN;
        var rx = new double[x.Length];
        var ry = new double[y.Length];
        AverageRanks(x, rx);
        AverageRanks(y, ry);
        return Pearson(rx, ry);
    }

    /// <summary>Writes the 1-based rank of each value to <paramref name="ranks"/>; tied values get the mean of their ranks.</summary>
    public static void AverageRanks(ReadOnlySpan<double> values, Span<double> ranks)
    {
        int n = values.Length;
        if (ranks.Length < n) throw new ArgumentException("ranks is shorter than values", nameof(ranks));
        var keys = values.ToArray();
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order);
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            double rank = ((start + 1) + end) / 2.0; // mean of ranks start+1 .. end
            for (int k = start; k < end; k++) ranks[order[k]] = rank;
            start = end;
        }
    }

    /// <summary>Pearson correlation; NaN when either side has zero variance.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) return double.NaN;
        return sxy / Math.Sqrt(sxx * syy);
    }
}
