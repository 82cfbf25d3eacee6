using Smallfish.Core.Scanning;

namespace Smallfish.Service.Symbols;

/// <summary>The outcome of one scheduled re-scan, shown in <c>/status</c>.</summary>
/// <param name="AtNs">When it ran, ns since the Unix epoch.</param>
/// <param name="Top">The new top N, best first (empty when the scan failed).</param>
/// <param name="Added">Symbols the next restart would add.</param>
/// <param name="Dropped">Symbols the next restart would drop (never one with an open position: those are kept at start).</param>
/// <param name="Error">Why the scan failed, or null.</param>
public sealed record SymbolRescan(long AtNs, IReadOnlyList<SymbolRank> Top, IReadOnlyList<string> Added, IReadOnlyList<string> Dropped, string? Error)
{
    /// <summary>True when the next restart would trade other symbols.</summary>
    public bool Changed => Added.Count > 0 || Dropped.Count > 0;

    /// <summary>Compares a new ranking with the symbols the scanner picked at start.</summary>
    public static SymbolRescan Compare(long atNs, IReadOnlyList<SymbolRank> top, IReadOnlyList<string> running)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(running);
        var next = new HashSet<string>(StringComparer.Ordinal);
        foreach (SymbolRank rank in top) next.Add(rank.Symbol);
        var added = top.Select(r => r.Symbol).Where(s => !running.Contains(s, StringComparer.Ordinal)).ToList();
        var dropped = running.Where(s => !next.Contains(s)).ToList();
        return new SymbolRescan(atNs, top, added, dropped, null);
    }
}
