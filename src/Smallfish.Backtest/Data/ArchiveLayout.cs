using System.Globalization;
using Smallfish.Core.Configuration;

namespace Smallfish.Backtest.Data;

/// <summary>
/// The public archives' URL layout (see shared/protocols/public-data-archives.md) and the matching cache layout: a
/// downloaded file is kept at <c>{cache}/{exchange}/{the URL's path}</c>, so the cache mirrors the archive.
/// </summary>
public static class ArchiveLayout
{
    /// <summary>Order-book depths Bybit has published, probed in this order (ob200 from 2025-08-21, ob500 before).</summary>
    public static readonly int[] BybitDepths = [200, 500, 1000];

    /// <summary>The formats that can be downloaded from <paramref name="exchange"/>'s archive.</summary>
    public static bool IsDownloadable(ExchangeName exchange, DataFormat format) => exchange switch
    {
        ExchangeName.Bybit => format is DataFormat.BybitTrades or DataFormat.BybitOrderBook,
        _ => format is DataFormat.BinanceAggTrades or DataFormat.BinanceTrades or DataFormat.BinanceBookTicker,
    };

    /// <summary>The file's path relative to its archive's base URL.</summary>
    public static string RelativeUrl(DataFormat format, string symbol, DateOnly date, int depth = 0)
    {
        string s = symbol.ToUpperInvariant();
        string d = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return format switch
        {
            DataFormat.BybitTrades => $"trading/{s}/{s}{d}.csv.gz",
            DataFormat.BybitOrderBook => $"orderbook/linear/{s}/{d}_{s}_ob{depth}.data.zip",
            DataFormat.BinanceAggTrades => $"data/futures/um/daily/aggTrades/{s}/{s}-aggTrades-{d}.zip",
            DataFormat.BinanceTrades => $"data/futures/um/daily/trades/{s}/{s}-trades-{d}.zip",
            DataFormat.BinanceBookTicker => $"data/futures/um/daily/bookTicker/{s}/{s}-bookTicker-{d}.zip",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an archive format"),
        };
    }

    /// <summary>The archive's symbol folder (used to tell an unknown symbol from a missing day), or null when the archive has no listing.</summary>
    public static string? SymbolListingUrl(DataFormat format, string symbol) =>
        format == DataFormat.BybitTrades ? $"trading/{symbol.ToUpperInvariant()}/" : null;

    /// <summary>The URL of the file's published checksum, or null when the archive publishes none.</summary>
    public static string? ChecksumUrl(DataFormat format, string relativeUrl) =>
        format is DataFormat.BinanceAggTrades or DataFormat.BinanceTrades or DataFormat.BinanceBookTicker ? relativeUrl + ".CHECKSUM" : null;

    /// <summary>The base URL of <paramref name="format"/>'s archive.</summary>
    public static Uri BaseUrl(ArchiveBaseUrls urls, DataFormat format) => format switch
    {
        DataFormat.BybitTrades => urls.BybitTrades,
        DataFormat.BybitOrderBook => urls.BybitOrderBook,
        _ => urls.Binance,
    };

    /// <summary>The exchange of an archive format.</summary>
    public static ExchangeName ExchangeOf(DataFormat format) =>
        format is DataFormat.BybitTrades or DataFormat.BybitOrderBook or DataFormat.CryptofeedBybitRecording ? ExchangeName.Bybit : ExchangeName.Binance;

    /// <summary>Where the file is kept in the cache.</summary>
    public static string CachePath(string cacheDirectory, DataFormat format, string symbol, DateOnly date, int depth = 0)
    {
        string exchange = ExchangeOf(format) == ExchangeName.Bybit ? "bybit" : "binance";
        return Path.Combine(cacheDirectory, exchange, RelativeUrl(format, symbol, date, depth).Replace('/', Path.DirectorySeparatorChar));
    }
}
