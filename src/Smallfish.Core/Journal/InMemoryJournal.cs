using Smallfish.Core.Domain;

namespace Smallfish.Core.Journal;

/// <summary>
/// A journal that keeps every record in memory, in the order recorded: for tests and the backtest (which reports from
/// it). Not thread-safe: written by the engine's single writer, read after the run or between events.
/// </summary>
public sealed class InMemoryJournal : IJournal
{
    /// <summary>Entry decisions.</summary>
    public List<DecisionRecord> Decisions { get; } = new();

    /// <summary>Orders sent, with the time they were sent (ns).</summary>
    public List<(OrderRequest Request, long TsNs)> OrdersSent { get; } = new();

    /// <summary>Order updates.</summary>
    public List<OrderUpdate> OrderUpdates { get; } = new();

    /// <summary>Fills.</summary>
    public List<Fill> Fills { get; } = new();

    /// <summary>Completed round trips.</summary>
    public List<TradeResult> Trades { get; } = new();

    /// <summary>Equity points.</summary>
    public List<EquitySnapshot> Equity { get; } = new();

    /// <summary>Shadow trades, opened and resolved (an open one has ClosedNs = 0).</summary>
    public List<ShadowTrade> ShadowTrades { get; } = new();

    /// <summary>Records of every kind, in order.</summary>
    public long Count { get; private set; }

    /// <inheritdoc />
    public void RecordDecision(DecisionRecord decision)
    {
        Decisions.Add(decision);
        Count++;
    }

    /// <inheritdoc />
    public void RecordOrderSent(OrderRequest request, long tsNs)
    {
        OrdersSent.Add((request, tsNs));
        Count++;
    }

    /// <inheritdoc />
    public void RecordOrderUpdate(in OrderUpdate update)
    {
        OrderUpdates.Add(update);
        Count++;
    }

    /// <inheritdoc />
    public void RecordFill(in Fill fill)
    {
        Fills.Add(fill);
        Count++;
    }

    /// <inheritdoc />
    public void RecordTrade(TradeResult trade)
    {
        Trades.Add(trade);
        Count++;
    }

    /// <inheritdoc />
    public void RecordEquity(EquitySnapshot snapshot)
    {
        Equity.Add(snapshot);
        Count++;
    }

    /// <inheritdoc />
    public void RecordShadowTrade(ShadowTrade shadow)
    {
        ShadowTrades.Add(shadow);
        Count++;
    }
}
