namespace Smallfish.Core.Scanning;

/// <summary>
/// How much a symbol traded and how much it moved: what <see cref="SymbolScanner"/> ranks. Only the order of the values
/// across the candidates of one scan matters, so each source uses its own volatility measure, the same for every
/// candidate: the backtest the standard deviation of 1-minute log returns over recorded trades, the service the 24 h
/// log range of the exchange's ticker (<see cref="TickerActivity"/>).
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Turnover">Traded value in quote currency (sum of price x size, or the ticker's 24 h turnover).</param>
/// <param name="Volatility">The volatility measure of the source (not annualized); NaN when unknown.</param>
/// <param name="Trades">Trades seen (0 when the source is a ticker).</param>
/// <param name="Returns">1-minute returns the volatility is computed from (0 when the source is a ticker).</param>
public sealed record SymbolActivity(string Symbol, double Turnover, double Volatility, long Trades, long Returns);
