namespace Smallfish.Core.Risk;

/// <summary>The sizer's answer.</summary>
/// <param name="Lots">Quantity in lots (0 = no trade).</param>
/// <param name="RiskBudget">Quote currency the trade may lose at its stop (equity x risk % x drawdown multiplier).</param>
/// <param name="RiskAtStop">Quote currency lost if the stop fills at its price: lots x stop distance.</param>
/// <param name="Notional">Entry notional of <paramref name="Lots"/>.</param>
/// <param name="CappedByEquity">True when the equity cap, not the risk budget, set the size.</param>
/// <param name="Reason"><see cref="GateReason.Pass"/>, or <see cref="GateReason.BelowMinimumSize"/> when no size meets the exchange minimums.</param>
public readonly record struct SizingResult(long Lots, decimal RiskBudget, decimal RiskAtStop, decimal Notional, bool CappedByEquity, GateReason Reason);
