using Smallfish.Core.Domain;
using Smallfish.Simulation.Backtesting.Statistics;

namespace Smallfish.Core.Tests.Simulation.Backtesting;

/// <summary>Small hand-made trades and equity curves whose statistics are worked out by hand in the tests.</summary>
internal static class StatisticsFixtures
{
    public const long Minute = 60_000_000_000L;
    public const long T0 = 1_721_347_200_000_000_000L; // 2024-07-19 00:00:00 UTC

    public static TradeResult Trade(decimal gross, decimal fees, decimal funding, double r, long slippage = 0, long openedMin = 0, long closedMin = 1) =>
        new("BTCUSDT", Side.Buy, 100m, 101m, 1m, gross, fees, funding, gross - fees - funding, r, 0.5m, 1.5m,
            T0 + (openedMin * Minute), T0 + (closedMin * Minute), ExitReason.TakeProfit, slippage);

    /// <summary>
    /// Four trades: net +30, -10, +20, -20 (gross 32, -9, 21, -18; fees 2, 1, 1, 1.5; funding 0, 0, 0, 0.5),
    /// R 1.5, -0.5, 1.0, -1.0, slippage 1, 2, 0, 3 ticks, closing at minutes 1..4.
    /// </summary>
    public static IReadOnlyList<TradeResult> FourTrades() =>
    [
        Trade(32m, 2m, 0m, 1.5, 1, 0, 1),
        Trade(-9m, 1m, 0m, -0.5, 2, 1, 2),
        Trade(21m, 1m, 0m, 1.0, 0, 2, 3),
        Trade(-18m, 1.5m, 0.5m, -1.0, 3, 3, 4),
    ];

    /// <summary>Equity 1000, 1030, 1020, 1040, 1020 at minutes 0..4.</summary>
    public static IReadOnlyList<EquityPoint> FourTradeEquity() =>
    [
        new(T0, 1000m), new(T0 + Minute, 1030m), new(T0 + (2 * Minute), 1020m), new(T0 + (3 * Minute), 1040m), new(T0 + (4 * Minute), 1020m),
    ];
}
