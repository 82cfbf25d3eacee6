namespace Smallfish.Core.Scanning;

/// <summary>
/// Picks the symbols worth scalping, for the backtest's <c>--auto N</c> and the service's <c>AutoSymbols</c>: ranks every
/// candidate by turnover and by volatility (1 = most), scores each by the mean of its two ranks and takes the N best;
/// equal scores are broken by symbol name (ordinal), so the choice is deterministic and does not depend on the order
/// the candidates come in. Pure: no clock, no I/O.
/// </summary>
public static class SymbolScanner
{
    /// <summary>All candidates in ranked order, best first.</summary>
    public static IReadOnlyList<SymbolRank> Rank(IEnumerable<SymbolActivity> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in list)
        {
            if (!names.Add(c.Symbol)) throw new ArgumentException($"symbol {c.Symbol} appears twice", nameof(candidates));
        }
        var turnoverRanks = DescendingRanks(list.ConvertAll(c => c.Turnover));
        var volatilityRanks = DescendingRanks(list.ConvertAll(c => c.Volatility));
        var ranked = new List<SymbolRank>(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            ranked.Add(new SymbolRank(list[i], turnoverRanks[i], volatilityRanks[i], (turnoverRanks[i] + volatilityRanks[i]) / 2));
        }
        ranked.Sort(static (a, b) =>
        {
            int c = a.Score.CompareTo(b.Score);
            return c != 0 ? c : string.CompareOrdinal(a.Symbol, b.Symbol);
        });
        return ranked;
    }

    /// <summary>The <paramref name="count"/> best candidates (fewer when there are fewer).</summary>
    public static IReadOnlyList<SymbolRank> Top(IEnumerable<SymbolActivity> candidates, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var ranked = Rank(candidates);
        return ranked.Count <= count ? ranked : ranked.Take(count).ToList();
    }

    // 1 = largest; ties share the average of their ranks; NaN counts as the smallest value.
    private static double[] DescendingRanks(List<double> values)
    {
        int n = values.Count;
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => Key(values[b]).CompareTo(Key(values[a])));
        var ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && Key(values[order[end]]) == Key(values[order[start]])) end++;
            double rank = ((start + 1) + end) / 2.0;
            for (int k = start; k < end; k++) ranks[order[k]] = rank;
            start = end;
        }
        return ranks;
    }

    private static double Key(double v) => double.IsNaN(v) ? double.NegativeInfinity : v;
}
