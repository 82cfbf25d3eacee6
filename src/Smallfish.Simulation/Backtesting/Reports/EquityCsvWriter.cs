namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>
/// Writes <c>equity.csv</c>: a header and one row per equity point of every run, with the running drawdown from the
/// peak (absolute and percent), "\n" line ends, money with 8 decimals.
/// </summary>
public static class EquityCsvWriter
{
    /// <summary>The header row's columns.</summary>
    public static readonly string[] Columns = ["symbol", "profile", "ts_ns", "time_utc", "equity", "drawdown", "drawdown_pct"];

    /// <summary>Writes every run's equity curve to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IEnumerable<SymbolProfileReport> runs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CsvText.Row(writer, Columns);
        foreach (var run in ReportOrdering.Sort(runs))
        {
            decimal peak = decimal.MinValue;
            foreach (var p in run.Equity)
            {
                if (p.Equity > peak) peak = p.Equity;
                decimal dd = peak - p.Equity;
                double pct = peak > 0 ? (double)(dd / peak) * 100.0 : 0.0;
                CsvText.Row(writer, run.Symbol, run.Profile, ReportFormat.Integer(p.TsNs), ReportFormat.IsoUtc(p.TsNs),
                    ReportFormat.Money(p.Equity), ReportFormat.Money(dd), ReportFormat.Ratio(pct));
            }
        }
    }
}
