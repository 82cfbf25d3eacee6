using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>
/// Writes <c>trades.csv</c>: a header and one row per round trip of every run (runs in <see cref="ReportOrdering"/>
/// order, trades in their order), "\n" line ends, RFC 4180 quoting, money and prices with 8 decimals, R with 6.
/// </summary>
public static class TradesCsvWriter
{
    /// <summary>The header row's columns.</summary>
    public static readonly string[] Columns =
    [
        "symbol", "profile", "side", "opened_ns", "closed_ns", "opened_utc", "closed_utc", "entry_price", "exit_price", "qty",
        "gross_pnl", "fees", "funding", "net_pnl", "r_multiple", "mae_price", "mfe_price", "slippage_ticks", "exit_reason",
    ];

    /// <summary>Writes every run's trades to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IEnumerable<SymbolProfileReport> runs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CsvText.Row(writer, Columns);
        foreach (var run in ReportOrdering.Sort(runs))
        {
            foreach (var t in run.Trades)
            {
                CsvText.Row(writer,
                    run.Symbol, run.Profile, t.Side == Side.Buy ? "long" : "short",
                    ReportFormat.Integer(t.OpenedNs), ReportFormat.Integer(t.ClosedNs), ReportFormat.IsoUtc(t.OpenedNs), ReportFormat.IsoUtc(t.ClosedNs),
                    ReportFormat.Money(t.EntryPrice), ReportFormat.Money(t.ExitPrice), ReportFormat.Money(t.Qty),
                    ReportFormat.Money(t.GrossPnl), ReportFormat.Money(t.Fees), ReportFormat.Money(t.Funding), ReportFormat.Money(t.NetPnl),
                    ReportFormat.Ratio(t.RMultiple), ReportFormat.Money(t.MaePrice), ReportFormat.Money(t.MfePrice),
                    ReportFormat.Integer(t.SlippageTicks), ReportFormat.SnakeCase(t.Reason.ToString()));
            }
        }
    }
}
