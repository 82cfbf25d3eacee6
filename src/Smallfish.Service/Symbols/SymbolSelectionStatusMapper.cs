using Smallfish.Core.Scanning;
using Smallfish.Monitoring.Status;
using Smallfish.Service.Hosting;

namespace Smallfish.Service.Symbols;

/// <summary>Maps the start-up selection and the latest re-scan onto the status document's <c>symbolSelection</c>.</summary>
public static class SymbolSelectionStatusMapper
{
    /// <summary>The <c>symbolSelection</c> part of <c>/status</c>.</summary>
    public static SymbolSelectionStatus Map(RunContext context, SymbolScanState? scan)
    {
        ArgumentNullException.ThrowIfNull(context);
        SymbolSelection selection = context.Selection;
        var chosen = new List<SelectedSymbol>(selection.Symbols.Count);
        foreach (string symbol in selection.Symbols)
        {
            int index = IndexOf(selection.Ranking, symbol);
            SelectedSymbol item = index >= 0 ? ToSelected(selection.Ranking[index], index) : new SelectedSymbol { Symbol = symbol };
            chosen.Add(item with { Kept = selection.Kept.Contains(symbol, StringComparer.Ordinal) });
        }

        SymbolRescan? last = scan?.Last;
        var next = new List<SelectedSymbol>(last?.Top.Count ?? 0);
        if (last is not null)
        {
            for (int i = 0; i < last.Top.Count; i++) next.Add(ToSelected(last.Top[i], i));
        }

        return new SymbolSelectionStatus
        {
            Auto = selection.IsAuto,
            AutoCount = selection.AutoCount,
            RescanIntervalMinutes = context.Options.AutoSymbols.RescanIntervalMinutes,
            Grids = selection.GridSource == InstrumentGridSource.Exchange ? InstrumentGridOrigin.Exchange : InstrumentGridOrigin.Fallback,
            Chosen = chosen,
            RescannedAtNs = last?.AtNs ?? 0,
            RescanFailed = last?.Error is not null,
            ChangesAtRestart = last?.Changed ?? false,
            NextRestart = next,
        };
    }

    private static SelectedSymbol ToSelected(SymbolRank rank, int index) => new()
    {
        Symbol = rank.Symbol,
        Rank = index + 1,
        Score = rank.Score,
        Turnover24h = rank.Activity.Turnover,
        Range24h = rank.Activity.Volatility,
    };

    private static int IndexOf(IReadOnlyList<SymbolRank> ranking, string symbol)
    {
        for (int i = 0; i < ranking.Count; i++)
        {
            if (string.Equals(ranking[i].Symbol, symbol, StringComparison.Ordinal)) return i;
        }

        return -1;
    }
}
