using Smallfish.Simulation.Backtesting.Archives;

namespace Smallfish.Backtest.Data;

/// <summary>Opens the reader for an archive file the catalog found.</summary>
public static class ArchiveReaders
{
    /// <summary>
    /// The reader of <paramref name="file"/>, or null for the recording formats (hftbacktest, cryptofeed), whose readers
    /// live in Smallfish.Simulation.Replay, and for minute bars. A Bybit order-book archive needs
    /// <paramref name="bookParser"/> (the seam bound to Smallfish.Wire's Bybit parser).
    /// </summary>
    public static IArchiveReader? Open(DataFile file, ArchiveInstrument instrument, IBybitOrderBookLineParser? bookParser = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(instrument);
        return file.Format switch
        {
            DataFormat.BybitTrades => new BybitTradeArchiveReader(file.Path, instrument),
            DataFormat.BinanceAggTrades => new BinanceAggTradesArchiveReader(file.Path, instrument),
            DataFormat.BinanceTrades => new BinanceTradesArchiveReader(file.Path, instrument),
            DataFormat.BinanceBookTicker => new BinanceBookTickerArchiveReader(file.Path, instrument),
            DataFormat.BybitOrderBook => new BybitOrderBookArchiveReader(file.Path,
                bookParser ?? throw new ArgumentNullException(nameof(bookParser), "a Bybit order-book archive needs the Wire parser seam")),
            _ => null,
        };
    }
}
