using Smallfish.Core.Domain;
using Smallfish.Core.State;

namespace Smallfish.Core.Recovery;

/// <summary>
/// Everything a restarted engine reconciles against, as pure data: what the exchange reports (net positions, open
/// orders, recent executions, last prices) and what the journal knows (<see cref="JournalRecovery"/>, the run
/// counter, the saved day's counters and kill switch). The service fills it from the exchange REST client and the
/// journal before it builds the engine; <see cref="Engine.TradingEngine.Reconcile"/> takes it over. The exchange wins
/// wherever the two disagree.
/// </summary>
public sealed record ReconciliationInput
{
    /// <summary>The exchange's non-flat net positions (REST positions).</summary>
    public IReadOnlyList<ExchangeNetPosition> Positions { get; init; } = [];

    /// <summary>The exchange's open orders, plain and conditional (REST open orders).</summary>
    public IReadOnlyList<ExchangeOpenOrder> OpenOrders { get; init; } = [];

    /// <summary>
    /// The account's recent executions (REST executions of every symbol from a margin before the journal's last record,
    /// or the venue's default window; read so that they are exactly those behind <see cref="Positions"/>):
    /// those the journal has not booked are booked once; the rest, and any repeat later on the private stream, are
    /// ignored by execution id.
    /// </summary>
    public IReadOnlyList<Fill> Executions { get; init; } = [];

    /// <summary>
    /// Last trade (or mark) price per symbol, ticks: decides whether a stop level has already been crossed. A symbol
    /// without one falls back to the engine's own last trade or book mid.
    /// </summary>
    public IReadOnlyDictionary<string, long> LastPriceTicks { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>What the journal knows (<see cref="JournalRecoveryBuilder"/>).</summary>
    public JournalRecovery Journal { get; init; } = JournalRecovery.Empty;

    /// <summary>The journal's run counter: the last run that may have sent orders (0 = never started).</summary>
    public long RunCounter { get; init; }

    /// <summary>
    /// The exchange's account equity (wallet), quote currency, when the service has it: set last, so the engine sizes
    /// from what the account holds. Null keeps the restored equity plus the trades booked at the restart.
    /// </summary>
    public decimal? ExchangeEquity { get; init; }

    /// <summary>The saved state to continue from (day's counters, kill switch, equity peak, last loss); null = none.</summary>
    public RestoredState? Restored { get; init; }

    /// <summary>
    /// The largest run found in the run counter, the journal's client order ids and the exchange's open orders and
    /// executions: the next run must be above it, or a client order id could repeat.
    /// </summary>
    public long MaxRunSeen()
    {
        long max = Math.Max(RunCounter, Journal.MaxRun);
        foreach (var o in OpenOrders) max = Math.Max(max, RunOf(o.ClientOrderId));
        foreach (var f in Executions) max = Math.Max(max, RunOf(f.ClientOrderId));
        return max;
    }

    /// <summary>The run the restarted engine must use: one above <see cref="MaxRunSeen"/>. Persist it as the new run counter before any order is sent.</summary>
    public long NextRun() => MaxRunSeen() + 1;

    /// <summary>
    /// The largest decision sequence in the journal and in the exchange's client order ids: the restarted engine
    /// continues above it.
    /// </summary>
    public long MaxSequenceSeen()
    {
        long max = Journal.LastDecisionSequence;
        foreach (var o in OpenOrders)
        {
            if (ClientOrderId.TryParse(o.ClientOrderId, out var parts)) max = Math.Max(max, parts.Sequence);
        }
        foreach (var f in Executions)
        {
            if (ClientOrderId.TryParse(f.ClientOrderId, out var parts)) max = Math.Max(max, parts.Sequence);
        }
        return max;
    }

    private static long RunOf(string clientOrderId) => ClientOrderId.TryParse(clientOrderId, out var parts) ? parts.Run : 0;
}
