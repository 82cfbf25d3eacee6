namespace Smallfish.Core.State;

/// <summary>An immutable copy of the day's counters.</summary>
/// <param name="DayStartNs">UTC midnight that started the day, ns.</param>
/// <param name="RealizedPnl">Net realized P&amp;L of trades closed today, quote currency.</param>
/// <param name="NetR">Sum of the R multiples of trades closed today.</param>
/// <param name="RLost">Sum of the R lost on losing trades today (positive number).</param>
/// <param name="Entries">Positions opened today.</param>
/// <param name="TradeCount">Round trips closed today.</param>
/// <param name="Wins">Closed with a positive net P&amp;L.</param>
/// <param name="Losses">Closed with a negative net P&amp;L.</param>
/// <param name="SlippageBreaches">Fills whose slippage exceeded the allowed limit today.</param>
public sealed record DailyTotals(
    long DayStartNs,
    decimal RealizedPnl,
    double NetR,
    double RLost,
    long Entries,
    long TradeCount,
    long Wins,
    long Losses,
    long SlippageBreaches);
