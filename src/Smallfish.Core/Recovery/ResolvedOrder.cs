using Smallfish.Core.Domain;

namespace Smallfish.Core.Recovery;

/// <summary>An order the journal thought open and the exchange no longer has: journaled as finished.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="ClientOrderId">Its client order id.</param>
/// <param name="Status">The status it was resolved to: Filled when its known fills cover it, else Cancelled.</param>
/// <param name="FilledLots">Its known fills (journal and exchange executions), lots.</param>
public sealed record ResolvedOrder(string Symbol, string ClientOrderId, OrderStatus Status, long FilledLots);
