namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>The fixed order reports list runs in: symbol (ordinal), then profile from the most to the least cautious.</summary>
public static class ReportOrdering
{
    private static readonly string[] Profiles = ["conservative", "balanced", "aggressive", "ultra"];

    /// <summary>Rank of a profile name: known profiles in caution order, unknown ones after them.</summary>
    public static int ProfileRank(string profile)
    {
        for (int i = 0; i < Profiles.Length; i++)
        {
            if (string.Equals(Profiles[i], profile, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return Profiles.Length;
    }

    /// <summary>The runs sorted by symbol, profile rank, then profile name (stable for equal keys).</summary>
    public static IReadOnlyList<SymbolProfileReport> Sort(IEnumerable<SymbolProfileReport> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var list = new List<(SymbolProfileReport Run, int Index)>();
        int i = 0;
        foreach (var r in runs) list.Add((r, i++));
        list.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Run.Symbol, b.Run.Symbol);
            if (c == 0) c = ProfileRank(a.Run.Profile).CompareTo(ProfileRank(b.Run.Profile));
            if (c == 0) c = string.CompareOrdinal(a.Run.Profile, b.Run.Profile);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        return list.ConvertAll(x => x.Run);
    }
}
