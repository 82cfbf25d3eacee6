namespace Smallfish.Backtest.Data;

/// <summary>
/// Where the public archives live. The defaults are the exchanges' hosts and are only contacted when a user runs the
/// backtest without <c>--data</c> and a day is not in the cache; tests point every one at 127.0.0.1.
/// </summary>
public sealed record ArchiveBaseUrls
{
    /// <summary>Bybit trade history (<c>trading/{SYMBOL}/{SYMBOL}{date}.csv.gz</c>).</summary>
    public Uri BybitTrades { get; init; } = new("https://public.bybit.com/");

    /// <summary>Bybit order-book archives (<c>orderbook/linear/{SYMBOL}/{date}_{SYMBOL}_ob{depth}.data.zip</c>).</summary>
    public Uri BybitOrderBook { get; init; } = new("https://quote-saver.bycsi.com/");

    /// <summary>Binance public data (<c>data/futures/um/daily/{type}/{SYMBOL}/{SYMBOL}-{type}-{date}.zip</c>).</summary>
    public Uri Binance { get; init; } = new("https://data.binance.vision/");

    /// <summary>All three at one base (a local mirror or a test server).</summary>
    public static ArchiveBaseUrls At(Uri baseUrl) => new() { BybitTrades = baseUrl, BybitOrderBook = baseUrl, Binance = baseUrl };
}
