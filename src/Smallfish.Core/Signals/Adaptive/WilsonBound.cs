namespace Smallfish.Core.Signals.Adaptive;

/// <summary>The Wilson score interval of a binomial proportion: a hit rate that a few lucky outcomes cannot inflate.</summary>
public static class WilsonBound
{
    /// <summary>
    /// Lower bound of the Wilson score interval for <paramref name="hits"/> successes in <paramref name="trials"/> trials at
    /// z-score <paramref name="z"/>: (p + z^2/2n - z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), in [0, 1]; 0 without trials.
    /// </summary>
    public static double Lower(long hits, long trials, double z)
    {
        if (trials <= 0) return 0;
        if (hits < 0 || hits > trials) throw new ArgumentOutOfRangeException(nameof(hits), hits, "must be within [0, trials]");
        double n = trials, p = hits / n, z2 = z * z;
        double centre = p + z2 / (2 * n);
        double margin = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.Clamp((centre - margin) / (1 + z2 / n), 0.0, 1.0);
    }
}
