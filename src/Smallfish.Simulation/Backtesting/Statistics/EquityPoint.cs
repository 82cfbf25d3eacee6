namespace Smallfish.Simulation.Backtesting.Statistics;

/// <summary>Account equity (realized + unrealized, quote currency) at a moment of a backtest.</summary>
/// <param name="TsNs">Time, ns since the Unix epoch.</param>
/// <param name="Equity">Equity in quote currency.</param>
public readonly record struct EquityPoint(long TsNs, decimal Equity);
