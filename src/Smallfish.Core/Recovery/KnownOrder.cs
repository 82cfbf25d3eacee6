using Smallfish.Core.Domain;

namespace Smallfish.Core.Recovery;

/// <summary>An order the journal knows: what was sent and its latest journaled state.</summary>
/// <param name="Request">The request as sent.</param>
/// <param name="SentNs">When it was sent, ns.</param>
/// <param name="Status">Latest journaled status (<see cref="OrderStatus.PendingNew"/> when no update was journaled).</param>
/// <param name="FilledLots">Latest journaled cumulative fill, lots.</param>
/// <param name="ExchangeOrderId">The exchange's id, when an update carried one.</param>
public sealed record KnownOrder(OrderRequest Request, long SentNs, OrderStatus Status, long FilledLots, string? ExchangeOrderId)
{
    /// <summary>Client order id.</summary>
    public string ClientOrderId => Request.ClientOrderId;

    /// <summary>True when the journal knows the order finished.</summary>
    public bool IsTerminal => Status.IsTerminal();
}
