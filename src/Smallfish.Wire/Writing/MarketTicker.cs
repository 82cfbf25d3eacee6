using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;

namespace Smallfish.Wire.Writing;

/// <summary>
/// Ticker fields in exchange-ready form (the input of Bybit <c>tickers</c>, Binance <c>markPriceUpdate</c>,
/// <c>ticker/24hr</c> and <c>premiumIndex</c>). Built from a core <see cref="TickerEvent"/> plus the book's best prices
/// and 24 h statistics the caller keeps; prices in ticks, sizes in lots, amounts as decimals.
/// </summary>
/// <param name="LastPriceTicks">Last trade price.</param>
/// <param name="MarkPriceTicks">Mark price.</param>
/// <param name="IndexPriceTicks">Index price.</param>
/// <param name="FundingRate">Current funding rate as a fraction.</param>
/// <param name="NextFundingTimeMs">Next funding time, ms (0 = unknown).</param>
/// <param name="BidTicks">Best bid price.</param>
/// <param name="BidLots">Best bid size.</param>
/// <param name="AskTicks">Best ask price.</param>
/// <param name="AskLots">Best ask size.</param>
/// <param name="OpenPrice24hTicks">Price 24 h ago (first trade of the window).</param>
/// <param name="HighPrice24hTicks">24 h high.</param>
/// <param name="LowPrice24hTicks">24 h low.</param>
/// <param name="Volume24hLots">24 h base volume in lots.</param>
/// <param name="Turnover24h">24 h quote turnover.</param>
/// <param name="TradeCount24h">Trades in the window.</param>
public readonly record struct MarketTicker(
    long LastPriceTicks,
    long MarkPriceTicks,
    long IndexPriceTicks,
    decimal FundingRate,
    long NextFundingTimeMs,
    long BidTicks,
    long BidLots,
    long AskTicks,
    long AskLots,
    long OpenPrice24hTicks,
    long HighPrice24hTicks,
    long LowPrice24hTicks,
    long Volume24hLots,
    decimal Turnover24h,
    long TradeCount24h)
{
    /// <summary>24 h change as a fraction of the open price (0 when unknown).</summary>
    public decimal PriceChangeFraction => OpenPrice24hTicks > 0 && LastPriceTicks > 0
        ? decimal.Round((decimal)(LastPriceTicks - OpenPrice24hTicks) / OpenPrice24hTicks, 6, MidpointRounding.AwayFromZero)
        : 0m;

    /// <summary>The ticker fields of a core <see cref="TickerEvent"/> (doubles rounded to the tick grid); book and 24 h fields empty.</summary>
    public static MarketTicker From(in TickerEvent ticker, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new MarketTicker(
            Ticks(ticker.LastPrice, spec), Ticks(ticker.MarkPrice, spec), Ticks(ticker.IndexPrice, spec),
            double.IsFinite(ticker.FundingRate) ? decimal.Round((decimal)ticker.FundingRate, 8, MidpointRounding.AwayFromZero) : 0m,
            ticker.NextFundingTimeNs / 1_000_000, 0, 0, 0, 0, 0, 0, 0, 0,
            double.IsFinite(ticker.Turnover24h) && ticker.Turnover24h < 7.9e27 ? decimal.Round((decimal)ticker.Turnover24h, 4) : 0m, 0);
    }

    private static long Ticks(double price, InstrumentSpec spec) =>
        double.IsFinite(price) && price > 0 && price < 7.9e27 ? spec.Price.ToSteps((decimal)price, MidpointRounding.ToEven) : 0;
}
