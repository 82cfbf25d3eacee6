using Smallfish.Simulation.Backtesting.Reports;
using Smallfish.Simulation.Backtesting.Statistics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Smallfish.Backtest.Reports;

/// <summary>
/// The terminal report of a backtest: a loud banner when the data was synthetic; per symbol, one table with a
/// column per profile (a <c>--sweep</c> shows the four side by side); then the shadow trades the gates blocked, by
/// gate. Built to fit an 80-column terminal; every number comes from <see cref="ReportFormat"/>, so the text is the
/// same on every run.
/// </summary>
public static class TerminalReport
{
    /// <summary>The banner text shown when any run used synthetic data.</summary>
    public const string SyntheticBanner = "SYNTHETIC DATA";

    /// <summary>Writes the report of <paramref name="runs"/> to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, IReadOnlyList<SymbolProfileReport> runs)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            console.MarkupLine("[yellow]no runs to report[/]");
            return;
        }
        var ordered = ReportOrdering.Sort(runs);
        if (ordered.Any(r => r.Synthetic)) console.Write(Banner());
        foreach (var group in ordered.GroupBy(r => r.Symbol))
        {
            console.Write(SymbolTable(group.Key, group.ToList()));
            console.WriteLine();
        }
        console.Write(ShadowTable(ordered));
        console.WriteLine();
    }

    /// <summary>The synthetic-data banner.</summary>
    public static Panel Banner() =>
        new Panel(new Markup($"[bold black on yellow] {SyntheticBanner} [/] [yellow]these results come from a generated market, not recorded exchange data[/]"))
            .Border(BoxBorder.Double)
            .BorderColor(Color.Yellow)
            .Expand();

    /// <summary>One symbol's table: a metric column and one column per profile.</summary>
    public static Table SymbolTable(string symbol, IReadOnlyList<SymbolProfileReport> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(symbol)}[/]");
        table.AddColumn(new TableColumn("metric").NoWrap());
        foreach (var run in runs)
        {
            string header = Markup.Escape(run.Profile) + (run.Synthetic ? " [yellow](synthetic)[/]" : "");
            table.AddColumn(new TableColumn(header).RightAligned());
        }
        foreach (var (label, value) in Rows(runs[0].Statistics))
        {
            var cells = new List<string> { label };
            foreach (var run in runs) cells.Add(Markup.Escape(value(run.Statistics, run)));
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    /// <summary>Shadow trades by symbol, profile and gate; a one-line note when there were none.</summary>
    public static IRenderable ShadowTable(IReadOnlyList<SymbolProfileReport> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]shadow trades blocked by gates[/]");
        table.AddColumn("symbol");
        table.AddColumn("profile");
        table.AddColumn("gate");
        table.AddColumn(new TableColumn("blocked").RightAligned());
        table.AddColumn(new TableColumn("win %").RightAligned());
        table.AddColumn(new TableColumn("avg R").RightAligned());
        int rows = 0;
        foreach (var run in ReportOrdering.Sort(runs))
        {
            foreach (var g in ShadowGateSummary.ByGate(run.ShadowTrades))
            {
                string win = g.Resolved == 0 ? "n/a" : ReportFormat.Human(100.0 * g.Wins / g.Resolved, 1);
                table.AddRow(Markup.Escape(run.Symbol), Markup.Escape(run.Profile), ReportFormat.SnakeCase(g.Gate.ToString()),
                    g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), win, ReportFormat.Human(g.AvgR, 2));
                rows++;
            }
        }
        return rows == 0 ? new Markup("[grey]no shadow trades: no entry was blocked by a gate[/]\n") : table;
    }

    private static IEnumerable<(string Label, Func<BacktestStatistics, SymbolProfileReport, string> Value)> Rows(BacktestStatistics first)
    {
        yield return ("trades", (s, _) => s.Trades.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("win rate %", (s, _) => ReportFormat.Human(s.WinRate * 100, 1));
        yield return ("net P&L", (s, _) => ReportFormat.Human(s.NetPnl, 2));
        yield return ("fees", (s, _) => ReportFormat.Human(s.Fees, 2));
        yield return ("funding", (s, _) => ReportFormat.Human(s.Funding, 2));
        yield return ("max drawdown", (s, _) => ReportFormat.Human(s.MaxDrawdown, 2));
        yield return ("max drawdown %", (s, _) => ReportFormat.Human(s.MaxDrawdownPct, 2));
        yield return ($"Sharpe ({first.Frequency.Name}, ann.)", (s, _) => ReportFormat.Human(s.Sharpe, 2));
        yield return ($"Sortino ({first.Frequency.Name}, ann.)", (s, _) => ReportFormat.Human(s.Sortino, 2));
        yield return ("profit factor", (s, _) => ReportFormat.Human(s.ProfitFactor, 2));
        yield return ("avg R", (s, _) => ReportFormat.Human(s.AvgR, 2));
        yield return ("expectancy", (s, _) => ReportFormat.Human(s.Expectancy, 2));
        yield return ("maker fill %", (s, _) => ReportFormat.Human(s.MakerFillRatio * 100, 1));
        yield return ("avg slippage (ticks)", (s, _) => ReportFormat.Human(s.AvgSlippageTicks, 2));
        yield return ("exposure %", (s, _) => ReportFormat.Human(s.Exposure * 100, 1));
        yield return ("events", (s, _) => s.Events.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("shadow trades", (_, r) => r.ShadowTrades.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("from (UTC)", (s, _) => ShortTime(s.FirstTsNs));
        yield return ("to (UTC)", (s, _) => ShortTime(s.LastTsNs));
    }

    private static string ShortTime(long ns)
    {
        string? iso = ReportFormat.IsoUtc(ns);
        return iso is null ? "n/a" : iso[..10] + " " + iso[11..19];
    }
}
