using Smallfish.Simulation.Backtesting.Reports;
using Smallfish.Simulation.Backtesting.Research;
using Spectre.Console;

namespace Smallfish.Backtest.Reports;

/// <summary>
/// <c>smallfish-backtest signals</c> in the terminal: one row per signal with its active rate, information
/// coefficient and hit rate per horizon, and a footnote saying how many samples they rest on.
/// </summary>
public static class SignalsTerminalReport
{
    /// <summary>Writes the table of <paramref name="result"/> to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, SignalResearchResult result, bool synthetic = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        if (synthetic) console.Write(TerminalReport.Banner());
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]signal research[/]");
        table.AddColumn("signal");
        table.AddColumn(new TableColumn("active %").RightAligned());
        var horizons = result.Signals.Count > 0 ? result.Signals[0].Horizons : [];
        foreach (var h in horizons) table.AddColumn(new TableColumn("IC " + h.Label).RightAligned());
        foreach (var h in horizons) table.AddColumn(new TableColumn("hit " + h.Label).RightAligned());
        foreach (var s in result.Signals)
        {
            var cells = new List<string> { Markup.Escape(s.Name), ReportFormat.Human(s.ActiveRate * 100, 1) };
            cells.AddRange(s.Horizons.Select(h => ReportFormat.Human(h.Ic, 3)));
            cells.AddRange(s.Horizons.Select(h => h.HitSamples == 0 ? "n/a" : ReportFormat.Human(h.HitRate * 100, 1)));
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        var notes = new List<string> { $"{result.Samples} samples" };
        for (int i = 0; i < horizons.Count; i++)
        {
            if (result.ExcludedAtEnd[i] > 0) notes.Add($"{result.ExcludedAtEnd[i]} without a {horizons[i].Label} future");
            if (result.Dropped[i] > 0) notes.Add($"{result.Dropped[i]} dropped at {horizons[i].Label} (window full)");
        }
        if (result.Sampled) notes.Add("IC estimated on a uniform sample");
        if (result.InvalidSamples > 0) notes.Add($"{result.InvalidSamples} samples without a valid mid");
        console.MarkupLine("[grey]" + Markup.Escape(string.Join("; ", notes)) + ". IC = Spearman(score, forward log return); hit = direction agreed with the move, when active and the mid moved.[/]");
    }
}
