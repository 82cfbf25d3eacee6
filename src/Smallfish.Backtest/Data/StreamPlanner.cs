using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Backtesting.Archives;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Backtest.Data;

/// <summary>
/// Turns the files the catalog found for one symbol into the inputs of its event cache (one reader per input, merged by
/// exchange time) and opens the reader of each input. An hftbacktest session's daily files are one input (the
/// collector rolls files at UTC midnight; only the first holds the REST snapshot); a cryptofeed Binance recording is
/// read with its companion HTTP snapshot file; every archive file is its own input. Minute bars are not replayable.
/// </summary>
public static class StreamPlanner
{
    /// <summary>The cache spec of <paramref name="symbol"/> over <paramref name="files"/>.</summary>
    public static EventCacheSpec Plan(string symbol, ExchangeName exchange, IReadOnlyList<DataFile> files, InstrumentSpec instrument, ReplayErrorPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(files);
        var inputs = new List<EventCacheInput>();
        var sessions = files.Where(f => f.Format == DataFormat.HftBacktestRecording).OrderBy(f => f.Date).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        for (int i = 0; i < sessions.Count; i++)
        {
            var session = new List<string> { sessions[i].Path };
            while (i + 1 < sessions.Count && sessions[i + 1].Date is { } next && sessions[i].Date is { } day && next == day.AddDays(1))
                session.Add(sessions[++i].Path);
            inputs.Add(new EventCacheInput(nameof(DataFormat.HftBacktestRecording), session));
        }
        foreach (var f in files.Where(f => f.Format != DataFormat.HftBacktestRecording && f.Format != DataFormat.LeanMinuteBars))
        {
            if (f.Format == DataFormat.CryptofeedBinanceRecording && CompanionHttpFile(f.Path) is { } http)
                inputs.Add(new EventCacheInput(f.Format.ToString(), [f.Path, http]));
            else inputs.Add(new EventCacheInput(f.Format.ToString(), [f.Path]));
        }
        if (inputs.Count == 0) throw new DataAcquisitionException(DataErrorKind.NoData, $"no replayable data for {symbol}");
        return new EventCacheSpec
        {
            Venue = exchange == ExchangeName.Binance ? "binance" : "bybit",
            Instrument = instrument,
            Inputs = inputs,
            ErrorPolicy = policy == ReplayErrorPolicy.Skip ? "skip" : "stop",
        };
    }

    /// <summary>Opens the reader of <paramref name="input"/> for <paramref name="instrument"/> (symbol id 0).</summary>
    public static IEventReader Open(EventCacheInput input, InstrumentSpec instrument, ReplayErrorPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(instrument);
        var symbols = new SymbolTable();
        symbols.GetOrAdd(instrument.Symbol);
        var catalog = new InstrumentCatalog([instrument]);
        var archive = new ArchiveInstrument(0, instrument);
        string path = input.Files[0];
        var format = Enum.Parse<DataFormat>(input.Format);
        return format switch
        {
            DataFormat.HftBacktestRecording => EventReaders.From(new HftBacktestBinanceReader(input.Files, symbols, catalog, instrument.Symbol, policy), path),
            DataFormat.CryptofeedBybitRecording => EventReaders.From(new CryptofeedBybitReader(path, symbols, catalog, policy), path),
            DataFormat.CryptofeedBinanceRecording => EventReaders.From(
                new CryptofeedBinanceReader(path, input.Files.Count > 1 ? input.Files[1] : null, symbols, catalog, policy), path),
            DataFormat.BybitTrades => EventReaders.From(new BybitTradeArchiveReader(path, archive), path),
            DataFormat.BybitOrderBook => EventReaders.From(new BybitOrderBookArchiveReader(path, new WireBybitOrderBookLineParser(symbols, catalog)), path),
            DataFormat.BinanceAggTrades => EventReaders.From(new BinanceAggTradesArchiveReader(path, archive), path),
            DataFormat.BinanceTrades => EventReaders.From(new BinanceTradesArchiveReader(path, archive), path),
            DataFormat.BinanceBookTicker => EventReaders.From(new BinanceBookTickerArchiveReader(path, archive), path),
            _ => throw new DataAcquisitionException(DataErrorKind.BadRequest, $"{path}: {format} cannot be replayed"),
        };
    }

    private static string? CompanionHttpFile(string wsPath)
    {
        string? dir = Path.GetDirectoryName(wsPath);
        if (dir is null) return null;
        return Directory.GetFiles(dir, "BINANCE_FUTURES.http.*").Order(StringComparer.Ordinal).FirstOrDefault();
    }
}
