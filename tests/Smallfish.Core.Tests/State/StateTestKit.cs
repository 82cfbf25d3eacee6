using Smallfish.Core.Domain;

namespace Smallfish.Core.Tests.State;

internal static class StateTestKit
{
    public const long Second = 1_000_000_000;
    public const long Day = 86_400 * Second;

    /// <summary>2023-11-15 00:00:00 UTC.</summary>
    public const long Midnight = 19_676 * Day;

    public static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT"];

    public static Position Long(string symbol, long openedNs) => new(symbol, Side.Buy, 10, 100_000, openedNs, 99_900);

    public static TradeResult Result(string symbol, decimal netPnl, double r, long closedNs, long openedNs = 0) =>
        new(symbol, Side.Buy, 10_000m, 10_000m + netPnl, 1m, netPnl, 0m, 0m, netPnl, r, 0m, 0m, openedNs, closedNs, ExitReason.TakeProfit, 0);
}
