namespace Smallfish.Core.Recovery;

/// <summary>An open order the restart reconciliation cancelled.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="ClientOrderId">Its client order id.</param>
/// <param name="Reason">Why.</param>
public sealed record CancelledOrder(string Symbol, string ClientOrderId, RecoveryCancelReason Reason);
