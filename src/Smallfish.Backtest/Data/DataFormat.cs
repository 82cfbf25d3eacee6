namespace Smallfish.Backtest.Data;

/// <summary>What kind of market data a file holds (the exchanges' public archives first, then recordings).</summary>
public enum DataFormat
{
    /// <summary>public.bybit.com derivatives trades, <c>{SYMBOL}{YYYY-MM-DD}.csv.gz</c>.</summary>
    BybitTrades,

    /// <summary>Bybit order-book archive, <c>{YYYY-MM-DD}_{SYMBOL}_ob{depth}.data.zip</c> (WebSocket JSON Lines).</summary>
    BybitOrderBook,

    /// <summary>data.binance.vision USD-M <c>{SYMBOL}-aggTrades-{YYYY-MM-DD}.zip</c>.</summary>
    BinanceAggTrades,

    /// <summary>data.binance.vision USD-M <c>{SYMBOL}-trades-{YYYY-MM-DD}.zip</c>.</summary>
    BinanceTrades,

    /// <summary>data.binance.vision USD-M <c>{SYMBOL}-bookTicker-{YYYY-MM-DD}.zip</c> (daily files end 2024-03-30).</summary>
    BinanceBookTicker,

    /// <summary>hftbacktest Binance USD-M raw feed recording, <c>{symbol}_{YYYYMMDD}.gz</c> (<c>local_ns json</c> lines).</summary>
    HftBacktestRecording,

    /// <summary>cryptofeed Bybit v5 recording, <c>BYBIT.jsonl.gz</c> (several symbols, no date in the name).</summary>
    CryptofeedBybitRecording,

    /// <summary>cryptofeed Binance USD-M recording, <c>BINANCE_FUTURES.ws.*</c> (several symbols, no date in the name).</summary>
    CryptofeedBinanceRecording,

    /// <summary>QuantConnect Lean minute bars (<c>YYYYMMDD_trade.zip</c>): bars, not ticks, so not replayable by the engine.</summary>
    LeanMinuteBars,
}
