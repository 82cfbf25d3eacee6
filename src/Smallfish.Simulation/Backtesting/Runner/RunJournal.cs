using Smallfish.Core.Domain;
using Smallfish.Core.Journal;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// The journal of one backtest run, kept in memory for the reports: decisions (counted, the last kept per symbol),
/// completed round trips, and shadow trades (a resolved record replaces the open record of the same blocked entry).
/// Order records, fills and equity snapshots are counted only: the runner measures fills and equity at the venue.
/// Single-threaded, like the engine that writes it.
/// </summary>
public sealed class RunJournal : IJournal
{
    private readonly List<TradeResult> _trades = new();
    private readonly List<ShadowTrade> _shadows = new();
    private readonly Dictionary<(string, Side, long, long), int> _openShadows = new();

    /// <summary>Called after each completed round trip is recorded.</summary>
    public Action<TradeResult>? TradeRecorded { get; set; }

    /// <summary>Entry decisions recorded.</summary>
    public long Decisions { get; private set; }

    /// <summary>Orders recorded as sent.</summary>
    public long OrdersSent { get; private set; }

    /// <summary>Order updates recorded.</summary>
    public long OrderUpdates { get; private set; }

    /// <summary>Fills recorded.</summary>
    public long Fills { get; private set; }

    /// <summary>Equity snapshots recorded by the strategy.</summary>
    public long EquitySnapshots { get; private set; }

    /// <summary>Completed round trips, in close order.</summary>
    public IReadOnlyList<TradeResult> Trades => _trades;

    /// <summary>Shadow trades, each blocked entry once (resolved when its bracket resolved), in the order first recorded.</summary>
    public IReadOnlyList<ShadowTrade> ShadowTrades => _shadows;

    /// <inheritdoc />
    public void RecordDecision(DecisionRecord decision) => Decisions++;

    /// <inheritdoc />
    public void RecordOrderSent(OrderRequest request, long tsNs) => OrdersSent++;

    /// <inheritdoc />
    public void RecordOrderUpdate(in OrderUpdate update) => OrderUpdates++;

    /// <inheritdoc />
    public void RecordFill(in Fill fill) => Fills++;

    /// <inheritdoc />
    public void RecordTrade(TradeResult trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        _trades.Add(trade);
        TradeRecorded?.Invoke(trade);
    }

    /// <inheritdoc />
    public void RecordEquity(EquitySnapshot snapshot) => EquitySnapshots++;

    /// <inheritdoc />
    public void RecordShadowTrade(ShadowTrade shadow)
    {
        ArgumentNullException.ThrowIfNull(shadow);
        var key = (shadow.Symbol, shadow.Side, shadow.OpenedNs, shadow.EntryPriceTicks);
        if (_openShadows.Remove(key, out int index))
        {
            _shadows[index] = shadow;
            if (shadow.ClosedNs == 0) _openShadows[key] = index;
            return;
        }
        if (shadow.ClosedNs == 0) _openShadows[key] = _shadows.Count;
        _shadows.Add(shadow);
    }
}
