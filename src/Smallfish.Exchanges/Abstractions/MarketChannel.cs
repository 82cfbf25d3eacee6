namespace Smallfish.Exchanges.Abstractions;

/// <summary>Public market-data channels, mapped to each venue's stream names.</summary>
public enum MarketChannel : byte
{
    /// <summary>L2 book: Bybit <c>orderbook.{depth}.{symbol}</c>, Binance <c>{symbol}@depth@100ms</c> (diffs; REST snapshot for sync).</summary>
    OrderBook,

    /// <summary>Public trades: Bybit <c>publicTrade.{symbol}</c>, Binance <c>{symbol}@aggTrade</c>.</summary>
    Trades,

    /// <summary>Best bid/offer: Bybit <c>orderbook.1.{symbol}</c>, Binance <c>{symbol}@bookTicker</c>.</summary>
    BestBidOffer,

    /// <summary>Ticker and funding: Bybit <c>tickers.{symbol}</c>, Binance <c>{symbol}@markPrice@1s</c>.</summary>
    Ticker,
}
