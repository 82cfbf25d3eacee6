using Smallfish.Simulation.Backtesting.Reports;
using Smallfish.Simulation.Backtesting.Research;
using Spectre.Console;

namespace Smallfish.Backtest.Reports;

/// <summary>
/// The one call the CLI makes when a backtest has finished: the terminal report, the charts when asked, and the
/// files of <c>--out DIR</c>. Build each run's <see cref="SymbolProfileReport"/> (statistics from
/// <see cref="Smallfish.Simulation.Backtesting.Statistics.BacktestStatistics.Compute"/>) and hand them all in at once.
/// </summary>
public static class BacktestReportPublisher
{
    /// <summary>Reports <paramref name="runs"/>; returns the files written (empty without an output folder).</summary>
    public static IReadOnlyList<string> Publish(IAnsiConsole console, IReadOnlyList<SymbolProfileReport> runs, ReportOutputOptions options,
        SignalResearchResult? signals = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        TerminalReport.Render(console, runs);
        if (options.Charts)
        {
            foreach (var run in ReportOrdering.Sort(runs)) TerminalCharts.Render(console, run);
        }
        if (signals is not null) SignalsTerminalReport.Render(console, signals);
        if (options.OutDirectory is null) return [];
        var written = ReportDirectoryWriter.Write(options.OutDirectory, runs, signals);
        foreach (string path in written) console.MarkupLine("wrote [blue]" + Markup.Escape(path) + "[/]");
        return written;
    }

    /// <summary>Reports a signal study (<c>smallfish-backtest signals</c>); returns the files written.</summary>
    public static IReadOnlyList<string> PublishSignals(IAnsiConsole console, SignalResearchResult signals, string? outDirectory, bool synthetic = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(signals);
        SignalsTerminalReport.Render(console, signals, synthetic);
        if (outDirectory is null) return [];
        string path = ReportDirectoryWriter.WriteSignals(outDirectory, signals);
        console.MarkupLine("wrote [blue]" + Markup.Escape(path) + "[/]");
        return [path];
    }
}
