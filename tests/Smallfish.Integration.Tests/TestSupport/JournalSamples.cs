using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.Risk;
using Smallfish.Core.Signals;
using Smallfish.Core.Time;
using Smallfish.Persistence.Journal;

namespace Smallfish.Integration.Tests.TestSupport;

/// <summary>Hand-made journal records with awkward values (exact decimals, NaN, text that needs CSV quoting).</summary>
internal static class JournalSamples
{
    /// <summary>2026-08-09 00:00:00 UTC in ns.</summary>
    public const long Day0Ns = 1_786_233_600L * TimeProviderExtensions.NsPerSecond;

    public static SqliteJournalOptions Options(string dir, TimeProvider clock, int maxBatch = 4096) => new()
    {
        DataDirectory = dir,
        FileName = "journal.db",
        TimeProvider = clock,
        MaxBatchSize = maxBatch,
    };

    public static DecisionRecord Decision(long tsNs, long sequence, GateReason gate = GateReason.Pass)
    {
        var scores = new double[SignalIds.Count];
        var weights = new double[SignalIds.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = (i - 6) / 7.0 + sequence * 1e-9;
            weights[i] = 1.0 / (i + 1);
        }
        scores[3] = double.NaN; // an inactive signal without a score
        return new DecisionRecord(tsNs, "BTCUSDT", sequence, gate == GateReason.Pass ? 1 : -1, 0.731234567, 7, 5, scores, weights, gate,
            gate == GateReason.Pass ? "enter" : "blocked", 651_350 + sequence, 12);
    }

    public static OrderRequest Order(string id, OrderRole role = OrderRole.Entry, long qty = 10) =>
        new(id, "BTCUSDT", Side.Buy, OrderType.Limit, TimeInForce.PostOnly, 651_350, qty, 0, role != OrderRole.Entry, role);

    public static OrderUpdate Update(string id, OrderStatus status, long filled, long tsNs, string? message = null) =>
        new(id, "X-" + id, "BTCUSDT", status, filled, filled == 0 ? 0m : 651_350.5m, status == OrderStatus.Rejected ? RejectReason.PostOnlyWouldTake : RejectReason.None,
            message, tsNs);

    public static Fill Fill(string execId, string orderId, long qty, long tsNs) =>
        new(execId, orderId, "BTCUSDT", Side.Buy, 651_351, qty, -0.00123456789m, true, tsNs);

    public static TradeResult Trade(long openedNs, long closedNs, decimal net) =>
        new("ETHUSDT", Side.Sell, 3_012.45m, 3_010.05m, 0.250m, net + 0.1m, 0.0755m, 0.0245m, net, (double)net / 1.5, 1.10m, 2.40m, openedNs, closedNs,
            ExitReason.TakeProfit, 3);

    public static EquitySnapshot Equity(long tsNs, decimal equity) => new(tsNs, equity, 1_000.123456m, 1.25, 1);

    public static ShadowTrade OpenShadow(long openedNs) =>
        new("SOLUSDT", Side.Buy, GateReason.SpreadTooWide, openedNs, 0, 15_012, 14_990, 15_060, 0, double.NaN, 0.66);
}
