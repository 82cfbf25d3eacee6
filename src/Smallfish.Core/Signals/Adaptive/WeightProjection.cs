namespace Smallfish.Core.Signals.Adaptive;

/// <summary>
/// Puts weights back within bounds and makes them sum to 1: finds the scale c for which the weights
/// clamp(c x w_i, min, max) of the included signals sum to 1 (the sum grows with c, so bisection finds it) and writes
/// them; excluded signals get 0. When the bounds cannot hold (too few signals for the maximum, too many for the
/// minimum) the weights are only normalized. Deterministic, allocates nothing.
/// </summary>
public static class WeightProjection
{
    /// <summary>Projects <paramref name="weights"/> in place; <paramref name="included"/> marks the signals that take weight.</summary>
    public static void Project(Span<double> weights, ReadOnlySpan<bool> included, double min, double max)
    {
        int n = 0;
        double sum = 0, smallestPositive = double.PositiveInfinity;
        for (int i = 0; i < weights.Length; i++)
        {
            if (!included[i])
            {
                weights[i] = 0;
                continue;
            }
            double w = double.IsFinite(weights[i]) && weights[i] > 0 ? weights[i] : 0;
            weights[i] = w;
            n++;
            sum += w;
            if (w > 0 && w < smallestPositive) smallestPositive = w;
        }
        if (n == 0) return;

        if (n * min > 1 || n * max < 1)
        {
            for (int i = 0; i < weights.Length; i++)
            {
                if (included[i]) weights[i] = sum > 0 ? weights[i] / sum : 1.0 / n;
            }
            return;
        }
        if (sum <= 0)
        {
            for (int i = 0; i < weights.Length; i++)
            {
                if (included[i]) weights[i] = 1.0 / n;
            }
            return;
        }

        // Sum(c) = sum of clamp(c w_i, min, max) over the included signals is continuous and non-decreasing, with
        // Sum(0) = n min <= 1 and Sum(max / smallest positive weight) >= 1 (every positive weight at max, or n max >= 1).
        double lo = 0, hi = max / smallestPositive;
        for (int iteration = 0; iteration < 200 && hi - lo > hi * 1e-16; iteration++)
        {
            double mid = 0.5 * (lo + hi);
            if (ClampedSum(weights, included, mid, min, max) < 1) lo = mid;
            else hi = mid;
        }
        double c = 0.5 * (lo + hi);
        for (int i = 0; i < weights.Length; i++)
        {
            if (included[i]) weights[i] = Math.Clamp(c * weights[i], min, max);
        }
    }

    private static double ClampedSum(ReadOnlySpan<double> weights, ReadOnlySpan<bool> included, double c, double min, double max)
    {
        double s = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if (included[i]) s += Math.Clamp(c * weights[i], min, max);
        }
        return s;
    }
}
