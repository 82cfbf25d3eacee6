using System.Text;
using Smallfish.Core.Signals;
using Smallfish.Simulation.Backtesting.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Smallfish.Backtest.Reports;

/// <summary>
/// <c>--chart</c>: terminal charts of one run: the P&amp;L of each trade as bars around zero, the equity curve, and the
/// signal weights. On a color terminal the first two are Spectre <see cref="Canvas"/> drawings; without colors (a
/// canvas would be blank) they are drawn with block characters. Signal weights are a Spectre <see cref="BarChart"/>.
/// </summary>
public static class TerminalCharts
{
    private const int Height = 12;

    /// <summary>Writes the three charts of <paramref name="run"/> to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, SymbolProfileReport run)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        bool color = console.Profile.Capabilities.ColorSystem != ColorSystem.NoColors;
        int width = Math.Max(10, console.Profile.Width - 4);
        string title = $"{run.Symbol} {run.Profile}";

        console.Write(new Rule($"[bold]{Markup.Escape(title)}: P&L per trade (last {Math.Min(run.Trades.Count, color ? width / 2 : width)})[/]").LeftJustified());
        if (run.Trades.Count == 0) console.MarkupLine("[grey]no trades[/]");
        else console.Write(Draw(PlotGrid.Bars(run.Trades.Select(t => (double)t.NetPnl).ToList(), color ? width / 2 : width, Height), color));

        console.Write(new Rule($"[bold]{Markup.Escape(title)}: equity[/]").LeftJustified());
        if (run.Equity.Count == 0) console.MarkupLine("[grey]no equity points[/]");
        else
        {
            console.Write(Draw(PlotGrid.Line(run.Equity.Select(p => (double)p.Equity).ToList(), color ? width / 2 : width, Height), color));
            console.MarkupLine(Markup.Escape(
                $"min {ReportFormat.Human(run.Equity.Min(p => p.Equity), 2)}  max {ReportFormat.Human(run.Equity.Max(p => p.Equity), 2)}  last {ReportFormat.Human(run.Equity[^1].Equity, 2)}"));
        }

        console.Write(new Rule($"[bold]{Markup.Escape(title)}: signal weights[/]").LeftJustified());
        if (run.SignalWeights.Count == 0) console.MarkupLine("[grey]no signal weights recorded[/]");
        else console.Write(WeightsChart(run.SignalWeights, width));
    }

    /// <summary>A bar chart of the signal weights (indexed by <see cref="SignalId"/>).</summary>
    public static BarChart WeightsChart(IReadOnlyList<double> weights, int width)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var chart = new BarChart().Width(Math.Min(width, 76)).UseValueFormatter(v => ReportFormat.Human(v, 3));
        for (int i = 0; i < weights.Count; i++)
        {
            string name = i < SignalIds.Count ? ((SignalId)i).Name() : "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            double w = double.IsFinite(weights[i]) ? Math.Max(0, weights[i]) : 0;
            chart.AddItem(name, w, i < 3 ? Color.Green : i < 6 ? Color.Blue : i < 8 ? Color.Purple : Color.Teal);
        }
        return chart;
    }

    private static IRenderable Draw(PlotGrid grid, bool color)
    {
        if (color)
        {
            var canvas = new Canvas(grid.Width, grid.Height);
            for (int y = 0; y < grid.Height; y++)
            {
                for (int x = 0; x < grid.Width; x++)
                {
                    byte c = grid[x, y];
                    if (c != PlotGrid.Empty) canvas.SetPixel(x, y, c switch { PlotGrid.Up => Color.Green, PlotGrid.Down => Color.Red, _ => Color.Grey });
                }
            }
            return canvas;
        }
        var sb = new StringBuilder();
        for (int y = 0; y < grid.Height; y++)
        {
            for (int x = 0; x < grid.Width; x++)
            {
                sb.Append(grid[x, y] switch { PlotGrid.Up => '█', PlotGrid.Down => '▒', PlotGrid.Axis => '─', _ => ' ' });
            }
            sb.Append('\n');
        }
        return new Text(sb.ToString());
    }
}
