namespace Smallfish.Backtest.Reports;

/// <summary>What to produce from a finished backtest (the CLI's <c>--chart</c> and <c>--out DIR</c>).</summary>
public sealed record ReportOutputOptions
{
    /// <summary><c>--out DIR</c>: write summary.json, trades.csv, equity.csv (and signals.json) there; null writes no files.</summary>
    public string? OutDirectory { get; init; }

    /// <summary><c>--chart</c>: draw the terminal charts of every run after the tables.</summary>
    public bool Charts { get; init; }
}
