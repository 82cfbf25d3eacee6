namespace Smallfish.Core.Journal;

/// <summary>Equity at a moment, as journaled for the equity curve.</summary>
/// <param name="TsNs">Time, ns.</param>
/// <param name="Equity">Equity in quote currency (realized + unrealized).</param>
/// <param name="PeakEquity">Highest equity so far.</param>
/// <param name="DrawdownPct">Drawdown from peak in percent.</param>
/// <param name="OpenPositions">Number of open positions.</param>
public sealed record EquitySnapshot(long TsNs, decimal Equity, decimal PeakEquity, double DrawdownPct, int OpenPositions);
