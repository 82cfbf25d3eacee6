using Smallfish.Core.Domain;

namespace Smallfish.Exchanges.Results;

/// <summary>One row of an exchange's error table: the normalized reason and whether retrying may help.</summary>
/// <param name="Reject">Normalized reason.</param>
/// <param name="IsTransient">True when a later retry may succeed.</param>
/// <param name="OutcomeUnknown">True when the venue may have executed the request anyway (its own timeout).</param>
/// <param name="IsBenign">True for "nothing to change" answers that mean success (Bybit 110043, Binance -4046).</param>
public readonly record struct ExchangeErrorInfo(RejectReason Reject, bool IsTransient, bool OutcomeUnknown = false, bool IsBenign = false);
