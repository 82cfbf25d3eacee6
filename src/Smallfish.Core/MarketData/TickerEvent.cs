namespace Smallfish.Core.MarketData;

/// <summary>
/// Ticker fields the engine uses: funding (for the funding-window gate and funding payments), mark price, and the
/// 24 h statistics the symbol scanner ranks by. Fields the message did not carry are <c>NaN</c> or 0
/// (Bybit ticker deltas carry only changed fields; merge them before raising this event).
/// </summary>
/// <param name="SymbolId">Index of the symbol in the engine's symbol table.</param>
/// <param name="ExchTsNs">Exchange time, ns since the Unix epoch.</param>
/// <param name="LocalTsNs">Local receive time, ns since the Unix epoch.</param>
/// <param name="LastPrice">Last trade price.</param>
/// <param name="MarkPrice">Mark price.</param>
/// <param name="IndexPrice">Index price.</param>
/// <param name="FundingRate">Current funding rate as a fraction (0.0001 = 0.01%).</param>
/// <param name="NextFundingTimeNs">Next funding time, ns since the Unix epoch; 0 when unknown.</param>
/// <param name="Turnover24h">24 h turnover in quote currency.</param>
/// <param name="PriceChangePct24h">24 h price change as a fraction.</param>
public readonly record struct TickerEvent(
    int SymbolId,
    long ExchTsNs,
    long LocalTsNs,
    double LastPrice,
    double MarkPrice,
    double IndexPrice,
    double FundingRate,
    long NextFundingTimeNs,
    double Turnover24h,
    double PriceChangePct24h);
