using Smallfish.Core.Domain;
using Smallfish.Core.Journal;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>Records into two journals: the backtest's in-memory one and a SQLite file read back like the service's.</summary>
internal sealed class TeeJournal(IJournal first, IJournal second) : IJournal
{
    public void RecordDecision(DecisionRecord decision)
    {
        first.RecordDecision(decision);
        second.RecordDecision(decision);
    }

    public void RecordOrderSent(OrderRequest request, long tsNs)
    {
        first.RecordOrderSent(request, tsNs);
        second.RecordOrderSent(request, tsNs);
    }

    public void RecordOrderUpdate(in OrderUpdate update)
    {
        first.RecordOrderUpdate(update);
        second.RecordOrderUpdate(update);
    }

    public void RecordFill(in Fill fill)
    {
        first.RecordFill(fill);
        second.RecordFill(fill);
    }

    public void RecordTrade(TradeResult trade)
    {
        first.RecordTrade(trade);
        second.RecordTrade(trade);
    }

    public void RecordEquity(EquitySnapshot snapshot)
    {
        first.RecordEquity(snapshot);
        second.RecordEquity(snapshot);
    }

    public void RecordShadowTrade(ShadowTrade shadow)
    {
        first.RecordShadowTrade(shadow);
        second.RecordShadowTrade(shadow);
    }
}
