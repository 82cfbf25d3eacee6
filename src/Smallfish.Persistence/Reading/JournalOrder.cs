using Smallfish.Core.Domain;

namespace Smallfish.Persistence.Reading;

/// <summary>An order as the journal knows it: what was sent and its latest reported state.</summary>
/// <param name="Request">The request as sent.</param>
/// <param name="SentNs">When it was sent, ns.</param>
/// <param name="Status">Latest status (<see cref="OrderStatus.PendingNew"/> when no update was journaled).</param>
/// <param name="FilledLots">Latest cumulative filled quantity.</param>
/// <param name="ExchangeOrderId">The venue's id from the latest update that carried one.</param>
/// <param name="LastUpdateNs">Venue time of the latest update, or <paramref name="SentNs"/> when none.</param>
public sealed record JournalOrder(OrderRequest Request, long SentNs, OrderStatus Status, long FilledLots, string? ExchangeOrderId, long LastUpdateNs);
