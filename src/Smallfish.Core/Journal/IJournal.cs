using Smallfish.Core.Domain;

namespace Smallfish.Core.Journal;

/// <summary>
/// Where the engine records what it decided and what happened. Implementations must return at once (queue the record
/// and write it off the hot path): the SQLite journal in the service, an in-memory one in the backtest and tests.
/// </summary>
public interface IJournal
{
    /// <summary>An entry decision with its scores and gate outcome.</summary>
    void RecordDecision(DecisionRecord decision);

    /// <summary>An order was sent (its request and time).</summary>
    void RecordOrderSent(OrderRequest request, long tsNs);

    /// <summary>An order changed state.</summary>
    void RecordOrderUpdate(in OrderUpdate update);

    /// <summary>A fill.</summary>
    void RecordFill(in Fill fill);

    /// <summary>A completed round trip.</summary>
    void RecordTrade(TradeResult trade);

    /// <summary>An equity point.</summary>
    void RecordEquity(EquitySnapshot snapshot);

    /// <summary>A shadow trade opened or resolved.</summary>
    void RecordShadowTrade(ShadowTrade shadow);
}
