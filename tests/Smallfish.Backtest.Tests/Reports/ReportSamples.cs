using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.Risk;
using Smallfish.Simulation.Backtesting.Reports;
using Smallfish.Simulation.Backtesting.Statistics;

namespace Smallfish.Backtest.Tests.Reports;

/// <summary>Hand-made runs for the terminal report tests.</summary>
internal static class ReportSamples
{
    public const long T0 = 1_721_347_200_000_000_000L;
    public const long Minute = 60_000_000_000L;

    public static TradeResult Trade(decimal net, double r, int minute) =>
        new("BTCUSDT", Side.Buy, 64000.1m, 64010.2m, 0.01m, net + 0.1m, 0.1m, 0m, net, r, 1m, 2m, T0 + (minute * Minute), T0 + ((minute + 1) * Minute), ExitReason.TakeProfit, 1);

    public static SymbolProfileReport Run(string symbol, string profile, IReadOnlyList<TradeResult> trades, bool synthetic = false, int shadows = 0)
    {
        var equity = new List<EquityPoint> { new(T0, 10_000m) };
        decimal e = 10_000m;
        foreach (var t in trades)
        {
            e += t.NetPnl;
            equity.Add(new EquityPoint(t.ClosedNs, e));
        }
        var stats = BacktestStatistics.Compute(new BacktestStatisticsInput
        {
            Trades = trades, Equity = equity, FirstTsNs = T0, LastTsNs = T0 + (60 * Minute), Events = 123_456,
            Fills = new FillStatistics(8, 2, 5, 10), Frequency = StatsFrequency.OneMinute,
        });
        var shadowTrades = Enumerable.Range(0, shadows)
            .Select(i => new ShadowTrade(symbol, Side.Buy, i % 2 == 0 ? GateReason.SpreadTooWide : GateReason.Cooldown, T0, T0 + Minute, 1, 0, 2, 2, i % 3 == 0 ? -1.0 : 1.5, 0.7))
            .ToList();
        return new SymbolProfileReport
        {
            Symbol = symbol, Profile = profile, Statistics = stats, Trades = trades, Equity = equity, Synthetic = synthetic, ShadowTrades = shadowTrades,
            SignalWeights = [0.2, 0.1, 0.1, 0.08, 0.07, 0.05, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05],
        };
    }

    public static List<SymbolProfileReport> Sweep(bool synthetic = false)
    {
        var runs = new List<SymbolProfileReport>();
        foreach (string symbol in new[] { "ETHUSDT", "BTCUSDT" })
        {
            foreach (string profile in new[] { "ultra", "aggressive", "balanced", "conservative" })
            {
                var trades = Enumerable.Range(0, profile.Length).Select(i => Trade(i % 3 == 0 ? -12.5m : 20.25m, i % 3 == 0 ? -1 : 1.6, i)).ToList();
                runs.Add(Run(symbol, profile, trades, synthetic, shadows: profile.Length / 2));
            }
        }
        return runs;
    }
}
