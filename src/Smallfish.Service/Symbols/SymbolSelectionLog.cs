using Microsoft.Extensions.Logging;
using Smallfish.Core.Instruments;
using Smallfish.Service.Hosting;

namespace Smallfish.Service.Symbols;

/// <summary>Logs the start-up selection after the banner: the symbols and why, each grid, the ranking, kept symbols, warnings.</summary>
public static class SymbolSelectionLog
{
    /// <summary>Writes the selection of <paramref name="context"/>.</summary>
    public static void Write(ILogger logger, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(context);
        SymbolSelection selection = context.Selection;
        foreach (string warning in selection.Warnings) SymbolLog.StartWarning(logger, warning);
        string how = selection.IsAuto ? $"AutoSymbols top {selection.AutoCount} by 24h turnover and volatility"
            : selection.AutoCount > 0 ? $"AutoSymbols {selection.AutoCount} could not scan: configured list" : "configured list";
        string source = selection.GridSource == InstrumentGridSource.Exchange ? $"the {context.ExchangeName} instruments endpoint" : "the Smallfish:Instruments fallbacks";
        SymbolLog.Chosen(logger, string.Join(' ', selection.Symbols), how, source);
        if (selection.IsAuto) SymbolLog.Ranking(logger, SymbolRescanService.Describe(selection.Ranking));
        if (selection.Kept.Count > 0) SymbolLog.Kept(logger, string.Join(' ', selection.Kept));
        foreach (InstrumentSpec spec in selection.Instruments)
        {
            SymbolLog.Grid(logger, spec.Symbol, spec.TickSize, spec.QtyStep, spec.MinQty, spec.MinNotional);
        }
    }
}
