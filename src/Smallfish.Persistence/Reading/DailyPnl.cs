namespace Smallfish.Persistence.Reading;

/// <summary>Round trips closed on one UTC day and their totals (quote currency).</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="Trades">Round trips closed that day.</param>
/// <param name="Wins">Trades with net P&amp;L above zero.</param>
/// <param name="Losses">Trades with net P&amp;L below zero.</param>
/// <param name="GrossPnl">Sum of gross P&amp;L.</param>
/// <param name="Fees">Sum of fees.</param>
/// <param name="Funding">Sum of funding.</param>
/// <param name="NetPnl">Sum of net P&amp;L.</param>
/// <param name="SumR">Sum of R multiples (NaN ones skipped).</param>
public sealed record DailyPnl(DateOnly Day, int Trades, int Wins, int Losses, decimal GrossPnl, decimal Fees, decimal Funding, decimal NetPnl, double SumR);
