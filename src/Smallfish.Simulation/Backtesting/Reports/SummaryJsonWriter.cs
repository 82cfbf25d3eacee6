using System.Text.Json;
using Smallfish.Simulation.Backtesting.Statistics;

namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>
/// Writes <c>summary.json</c>: an array with one object per symbol x profile (in <see cref="ReportOrdering"/> order),
/// snake_case keys in a fixed order, money with 8 decimals, ratios with 6, undefined ratios (no trades, no losing
/// trade, flat equity) as <c>null</c>, times as ISO-8601 UTC strings plus the raw ns.
/// </summary>
public static class SummaryJsonWriter
{
    /// <summary>Writes the summary of <paramref name="runs"/> to <paramref name="stream"/> (UTF-8, "\n" line ends, final newline).</summary>
    public static void Write(Stream stream, IEnumerable<SymbolProfileReport> runs)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var w = ReportJson.CreateWriter(stream))
        {
            w.WriteStartArray();
            foreach (var run in ReportOrdering.Sort(runs)) WriteRun(w, run);
            w.WriteEndArray();
        }
        stream.WriteByte((byte)'\n');
    }

    private static void WriteRun(Utf8JsonWriter w, SymbolProfileReport run)
    {
        BacktestStatistics s = run.Statistics;
        w.WriteStartObject();
        w.WriteString("symbol", run.Symbol);
        w.WriteString("profile", run.Profile);
        w.WriteBoolean("synthetic", run.Synthetic);
        w.WriteNumber("trades", s.Trades);
        w.WriteNumber("wins", s.Wins);
        w.WriteNumber("losses", s.Losses);
        ReportJson.Ratio(w, "win_rate", s.WinRate);
        ReportJson.Money(w, "net_pnl", s.NetPnl);
        ReportJson.Money(w, "gross_pnl", s.GrossPnl);
        ReportJson.Money(w, "fees", s.Fees);
        ReportJson.Money(w, "funding", s.Funding);
        ReportJson.Money(w, "max_drawdown", s.MaxDrawdown);
        ReportJson.Ratio(w, "max_drawdown_pct", s.MaxDrawdownPct);
        ReportJson.Ratio(w, "sharpe", s.Sharpe);
        ReportJson.Ratio(w, "sortino", s.Sortino);
        w.WriteString("stats_frequency", s.Frequency.Name);
        ReportJson.Ratio(w, "periods_per_year", s.Frequency.PeriodsPerYear);
        w.WriteNumber("return_periods", s.ReturnPeriods);
        ReportJson.Ratio(w, "profit_factor", s.ProfitFactor);
        ReportJson.Ratio(w, "avg_r", s.AvgR);
        ReportJson.Money(w, "expectancy", s.Expectancy);
        ReportJson.Ratio(w, "expectancy_r", s.ExpectancyR);
        ReportJson.Ratio(w, "maker_fill_ratio", s.MakerFillRatio);
        w.WriteNumber("maker_fills", s.MakerFills);
        w.WriteNumber("taker_fills", s.TakerFills);
        ReportJson.Ratio(w, "avg_slippage_ticks", s.AvgSlippageTicks);
        ReportJson.Ratio(w, "exposure", s.Exposure);
        w.WriteNumber("events", s.Events);
        ReportJson.Time(w, "first_ts", s.FirstTsNs);
        ReportJson.Time(w, "last_ts", s.LastTsNs);
        w.WriteNumber("first_ts_ns", s.FirstTsNs);
        w.WriteNumber("last_ts_ns", s.LastTsNs);
        w.WriteNumber("shadow_trades", run.ShadowTrades.Count);
        w.WriteStartObject("shadow_by_gate");
        foreach (var g in ShadowGateSummary.ByGate(run.ShadowTrades))
        {
            w.WriteStartObject(ReportFormat.SnakeCase(g.Gate.ToString()));
            w.WriteNumber("count", g.Count);
            w.WriteNumber("resolved", g.Resolved);
            w.WriteNumber("wins", g.Wins);
            ReportJson.Ratio(w, "avg_r", g.AvgR);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
