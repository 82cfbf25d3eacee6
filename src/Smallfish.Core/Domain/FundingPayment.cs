namespace Smallfish.Core.Domain;

/// <summary>
/// A funding settlement on an open perpetual position. Live venues report it as an execution (Bybit
/// <c>execType=Funding</c>) or a balance change (Binance <c>ACCOUNT_UPDATE</c> with reason <c>FUNDING_FEE</c>); the
/// simulated venue raises it at each funding time.
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="PositionLots">Signed position at the funding time in lots (positive = long, negative = short).</param>
/// <param name="MarkPrice">Mark price used for the position's notional.</param>
/// <param name="Rate">Funding rate as a fraction (0.0001 = 0.01%); positive means longs pay shorts.</param>
/// <param name="Amount">Quote currency paid by this account: positive = paid, negative = received
/// (the sign convention of <see cref="Position.Funding"/> and <see cref="TradeResult.Funding"/>).</param>
/// <param name="TsNs">Funding time, ns since the Unix epoch.</param>
public readonly record struct FundingPayment(
    string Symbol,
    long PositionLots,
    decimal MarkPrice,
    decimal Rate,
    decimal Amount,
    long TsNs);
