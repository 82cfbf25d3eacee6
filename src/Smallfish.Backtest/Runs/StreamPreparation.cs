using System.Globalization;
using Smallfish.Backtest.Commands;
using Smallfish.Backtest.Data;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Scanning;
using Smallfish.Simulation.Backtesting.Scanning;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Venue;

namespace Smallfish.Backtest.Runs;

/// <summary>
/// Gets every symbol's stream ready before any run starts: <c>--synthetic</c> generates it in memory; recorded data is
/// found (<c>--data DIR</c>, or downloaded for <c>--days</c>/<c>--from</c>, or the shared/data/real folder found by
/// walking up when neither is given, which is said in the output), converted once per symbol into the binary event
/// cache (both cores), and replayed from there by every run. <c>--auto N</c> ranks the candidates by turnover and
/// volatility over their cached streams and keeps the top N.
/// </summary>
public static class StreamPreparation
{
    /// <summary>Prepares the streams of <paramref name="settings"/>; <paramref name="note"/> receives one line per remark.</summary>
    public static async Task<IReadOnlyList<PreparedStream>> PrepareAsync(RunSettings settings, BacktestEnvironment environment,
        SmallfishOptions options, IDownloadProgress progress, Action<string> note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(note);
        if (settings.Synthetic) return Synthetic(settings, options, note);

        string? dataDir = settings.DataDirectory;
        bool download = dataDir is null && settings.DayRange(environment.Time) is not null;
        if (dataDir is null && !download)
        {
            dataDir = RealDataLocator.Find([.. environment.DataSearchStarts]) ?? throw new DataAcquisitionException(DataErrorKind.BadRequest,
                "no market data: pass --data DIR (local files), --days N or --from/--to (download from the exchange archive), or --synthetic");
            note($"data: no --data given; using the real recorded data found at {dataDir}");
        }
        else if (dataDir is not null) note($"data: {Path.GetFullPath(dataDir)}");

        string cacheRoot = settings.CacheDirectory ?? CacheDirectory.Default();
        var catalogOptions = new DataCatalogOptions { DataDirectory = dataDir, CacheDirectory = cacheRoot };
        using var http = download ? environment.Http() : null;
        var catalog = new DataCatalog(catalogOptions, http);

        IReadOnlyList<string> symbols = settings.Symbols;
        if (settings.Auto > 0 && dataDir is not null)
        {
            symbols = DataCatalog.Scan(dataDir).Where(f => f.Exchange == settings.Exchange && f.Format != DataFormat.LeanMinuteBars)
                .SelectMany(InstrumentResolver.SymbolsIn).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
            if (symbols.Count == 0) throw new DataAcquisitionException(DataErrorKind.NoData, $"--auto: no {settings.Exchange} data in {dataDir}");
        }
        else if (settings.Auto > 0 && symbols.Count == 0)
        {
            throw new DataAcquisitionException(DataErrorKind.BadRequest, "--auto with downloads needs candidates: name them with --symbols");
        }

        var dataSet = await catalog.ResolveAsync(settings.ToDataRequest(environment.Time, symbols), progress, cancellationToken).ConfigureAwait(false);
        foreach (string n in dataSet.Notes) note(n);

        var policy = settings.SkipBadLines ? ReplayErrorPolicy.Skip : ReplayErrorPolicy.Stop;
        var cache = new EventCache(cacheRoot);
        var bookSync = settings.Exchange == ExchangeName.Binance ? BookSyncMode.Binance : BookSyncMode.Bybit;
        var prepared = new PreparedStream[symbols.Count];
        var lines = new string[symbols.Count];
        Parallel.For(0, symbols.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            string symbol = symbols[i];
            var files = dataSet.For(symbol);
            var instrument = InstrumentResolver.Resolve(symbol, files, options);
            var spec = StreamPlanner.Plan(symbol, settings.Exchange, files, instrument, policy);
            var entry = cache.GetOrBuild(spec, input => StreamPlanner.Open(input, instrument, policy));
            var m = entry.Manifest;
            if (m.Counts.Total == 0)
                throw new DataAcquisitionException(DataErrorKind.NoData, $"the {settings.Exchange.ToString().ToLowerInvariant()} data files found for {symbol} hold no {symbol} events");
            lines[i] = Describe(entry, spec.Inputs.Sum(x => x.Files.Count));
            prepared[i] = new PreparedStream(instrument, () => entry.Open(), m.FirstTsNs, m.LastTsNs, m.Counts.Total, false, bookSync,
                $"{symbol}: {spec.Inputs.Sum(x => x.Files.Count)} recorded file(s), {m.Counts.Total} events");
        });
        foreach (string line in lines) note(line);

        IReadOnlyList<PreparedStream> result = prepared;
        if (settings.Auto > 0) result = PickTop(prepared, settings.Auto, note);
        return result;
    }

    private static IReadOnlyList<PreparedStream> Synthetic(RunSettings settings, SmallfishOptions options, Action<string> note)
    {
        IReadOnlyList<string> symbols = settings.Symbols.Count > 0 ? settings.Symbols : ["BTCUSDT"];
        var prepared = new PreparedStream[symbols.Count];
        for (int i = 0; i < symbols.Count; i++)
        {
            string symbol = symbols[i];
            var instrument = options.Instruments.TryGetValue(symbol, out var io) ? io.ToSpec(symbol)
                : throw new DataAcquisitionException(DataErrorKind.BadRequest, $"no instrument grid for {symbol}: add Smallfish:Instruments:{symbol} to appsettings.json");
            var (bytes, description, start, end) = SyntheticData.Generate(instrument, settings.Seed + i, settings.Minutes);
            using var probe = RecordingEventSource.FromBytes(bytes);
            long events = probe.DrainTo(NullEventSink.Instance);
            note("data: " + description);
            prepared[i] = new PreparedStream(instrument, () => RecordingEventSource.FromBytes(bytes), start, end, events, true, BookSyncMode.Bybit, description);
        }
        return prepared;
    }

    private static IReadOnlyList<PreparedStream> PickTop(IReadOnlyList<PreparedStream> candidates, int count, Action<string> note)
    {
        var activities = new List<SymbolActivity>();
        foreach (var c in candidates)
        {
            var sink = new TradeActivitySink([c.Instrument]);
            using (var source = c.Open()) while (source.TryPeekTime(out _)) source.DeliverNext(sink);
            activities.AddRange(sink.Activities());
        }
        var top = SymbolScanner.Top(activities, count);
        note("--auto " + count.ToString(CultureInfo.InvariantCulture) + ": " + string.Join(", ", top.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Symbol} (score {r.Score:0.###}, turnover {r.Activity.Turnover:0}, {r.Activity.Trades} trades)"))));
        var keep = top.Select(r => r.Symbol).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return candidates.Where(c => keep.Contains(c.Symbol)).ToList();
    }

    private static string Describe(EventCacheEntry entry, int files)
    {
        var m = entry.Manifest;
        var inv = CultureInfo.InvariantCulture;
        string what = entry.Outcome switch
        {
            EventCacheOutcome.Hit => "replaying the event cache",
            EventCacheOutcome.Built => string.Create(inv, $"converted {files} file(s), {m.Lines} lines, in {entry.BuildSeconds:0.00} s ({m.Lines / Math.Max(entry.BuildSeconds, 1e-9):0} lines/s) into the event cache"),
            _ => string.Create(inv, $"the event cache was invalid ({entry.Note}); converted again in {entry.BuildSeconds:0.00} s"),
        };
        string text = string.Create(inv, $"{m.Symbol}: {what}: {m.Counts.Total} events ({m.Counts.Books} book, {m.Counts.Trades} trades, {m.Counts.Bbos} quotes, {m.Counts.Tickers} tickers), {entry.Path}");
        if (m.SkippedLines > 0) text += string.Create(inv, $"; WARNING {m.SkippedLines} malformed lines were skipped (--on-bad-line skip): the results do not cover all the data");
        if (m.LateEvents > 0) text += string.Create(inv, $"; {m.LateEvents} events were out of exchange-time order beyond the reorder window");
        return text;
    }
}
