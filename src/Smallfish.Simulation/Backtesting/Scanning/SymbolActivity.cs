namespace Smallfish.Simulation.Backtesting.Scanning;

/// <summary>How much a symbol traded and how much it moved over the data available.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Turnover">Sum of price x size over its trades, quote currency.</param>
/// <param name="Volatility">Sample standard deviation of its 1-minute log returns (not annualized); NaN with fewer than two returns.</param>
/// <param name="Trades">Trades seen.</param>
/// <param name="Returns">1-minute returns the volatility is computed from.</param>
public sealed record SymbolActivity(string Symbol, double Turnover, double Volatility, long Trades, long Returns);
