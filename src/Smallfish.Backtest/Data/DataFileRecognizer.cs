using System.Globalization;
using System.Text.RegularExpressions;
using Smallfish.Core.Configuration;

namespace Smallfish.Backtest.Data;

/// <summary>
/// Tells what a market-data file is from its name: the public archives' names (as downloaded, or unzipped, or
/// gzip-compressed) and the recordings in shared/data/real. Unknown names are not data files.
/// </summary>
public static partial class DataFileRecognizer
{
    /// <summary>Recognizes <paramref name="path"/>; null when its name matches no known layout.</summary>
    public static DataFile? Recognize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);
        if (name.EndsWith(".part", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal)) return null;

        var m = BybitTradesName().Match(name);
        if (m.Success) return new DataFile(path, ExchangeName.Bybit, DataFormat.BybitTrades, m.Groups["sym"].Value, Day(m.Groups["date"].Value, "yyyy-MM-dd"));
        m = BybitOrderBookName().Match(name);
        if (m.Success)
        {
            return new DataFile(path, ExchangeName.Bybit, DataFormat.BybitOrderBook, m.Groups["sym"].Value, Day(m.Groups["date"].Value, "yyyy-MM-dd"),
                int.Parse(m.Groups["depth"].Value, CultureInfo.InvariantCulture));
        }
        m = BinanceName().Match(name);
        if (m.Success)
        {
            var format = m.Groups["type"].Value switch
            {
                "aggTrades" => DataFormat.BinanceAggTrades,
                "trades" => DataFormat.BinanceTrades,
                _ => DataFormat.BinanceBookTicker,
            };
            return new DataFile(path, ExchangeName.Binance, format, m.Groups["sym"].Value, Day(m.Groups["date"].Value, "yyyy-MM-dd"));
        }
        m = HftBacktestName().Match(name);
        if (m.Success)
        {
            return new DataFile(path, ExchangeName.Binance, DataFormat.HftBacktestRecording, m.Groups["sym"].Value.ToUpperInvariant(),
                Day(m.Groups["date"].Value, "yyyyMMdd"));
        }
        if (CryptofeedBybitName().IsMatch(name)) return new DataFile(path, ExchangeName.Bybit, DataFormat.CryptofeedBybitRecording, null, null);
        if (CryptofeedBinanceName().IsMatch(name)) return new DataFile(path, ExchangeName.Binance, DataFormat.CryptofeedBinanceRecording, null, null);
        m = LeanName().Match(name);
        if (m.Success)
        {
            var exchange = path.Contains("binance", StringComparison.OrdinalIgnoreCase) ? ExchangeName.Binance : ExchangeName.Bybit;
            return new DataFile(path, exchange, DataFormat.LeanMinuteBars, null, Day(m.Groups["date"].Value, "yyyyMMdd"));
        }
        return null;
    }

    private static DateOnly? Day(string text, string format) =>
        DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [GeneratedRegex(@"^(?<sym>[A-Z0-9]+?)(?<date>\d{4}-\d{2}-\d{2})\.csv(\.gz)?$")]
    private static partial Regex BybitTradesName();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})_(?<sym>[A-Z0-9]+)_ob(?<depth>\d+)\.data(\.zip)?$")]
    private static partial Regex BybitOrderBookName();

    [GeneratedRegex(@"^(?<sym>[A-Z0-9]+)-(?<type>aggTrades|trades|bookTicker)-(?<date>\d{4}-\d{2}-\d{2})(-[A-Za-z0-9]+)?\.(zip|csv|csv\.gz)$")]
    private static partial Regex BinanceName();

    [GeneratedRegex(@"^(?<sym>[a-z0-9]+)_(?<date>\d{8})\.gz$")]
    private static partial Regex HftBacktestName();

    [GeneratedRegex(@"^BYBIT\.jsonl(\.gz)?$")]
    private static partial Regex CryptofeedBybitName();

    [GeneratedRegex(@"^BINANCE_FUTURES\.ws\.\d+\.\d+(\.gz)?$")]
    private static partial Regex CryptofeedBinanceName();

    [GeneratedRegex(@"^(?<date>\d{8})_(trade|quote)\.zip$")]
    private static partial Regex LeanName();
}
