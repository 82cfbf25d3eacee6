namespace Smallfish.Exchanges.Models;

/// <summary>24 h statistics and funding of one symbol, normalized across venues.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="LastPrice">Last trade price.</param>
/// <param name="MarkPrice">Mark price (0 when the venue's ticker does not carry it).</param>
/// <param name="IndexPrice">Index price (0 when not carried).</param>
/// <param name="Turnover24h">24 h turnover in quote currency (Bybit <c>turnover24h</c>, Binance <c>quoteVolume</c>).</param>
/// <param name="PriceChange24h">24 h change as a FRACTION: Bybit's <c>price24hPcnt</c> already is one, Binance's percent is divided by 100.</param>
/// <param name="FundingRate">Current funding rate as a fraction (0 when unknown).</param>
/// <param name="NextFundingTimeMs">Next funding time, ms since the Unix epoch (0 when unknown).</param>
public sealed record ExchangeTicker(
    string Symbol,
    decimal LastPrice,
    decimal MarkPrice,
    decimal IndexPrice,
    decimal Turnover24h,
    decimal PriceChange24h,
    decimal FundingRate,
    long NextFundingTimeMs)
{
    /// <summary>24 h high price (Bybit <c>highPrice24h</c>, Binance <c>highPrice</c>; 0 when not carried).</summary>
    public decimal HighPrice24h { get; init; }

    /// <summary>24 h low price (Bybit <c>lowPrice24h</c>, Binance <c>lowPrice</c>; 0 when not carried).</summary>
    public decimal LowPrice24h { get; init; }
}
