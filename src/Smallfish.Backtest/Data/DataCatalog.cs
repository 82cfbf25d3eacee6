using System.Globalization;
using Smallfish.Core.Configuration;

namespace Smallfish.Backtest.Data;

/// <summary>
/// Finds the market data for a backtest. With <c>--data DIR</c> it uses only the files in DIR. Otherwise it uses
/// the cache and downloads each missing day from the exchange's public archive (<see cref="ArchiveDownloader"/>),
/// so a second run over the same days makes no request. Failures are <see cref="DataAcquisitionException"/>s with a
/// message for the user: an unknown symbol, days with no data (all of them listed), a corrupt file.
/// </summary>
public sealed class DataCatalog
{
    private readonly DataCatalogOptions _options;
    private readonly ArchiveDownloader? _downloader;
    private readonly Dictionary<(string Path, string Symbol), bool> _recordingSymbols = [];

    /// <summary>Creates a catalog; <paramref name="http"/> is needed only when downloads may happen (no data directory).</summary>
    public DataCatalog(DataCatalogOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _downloader = http is null ? null : new ArchiveDownloader(http);
    }

    /// <summary>Every recognized data file below <paramref name="directory"/>, in ordinal path order.</summary>
    public static IReadOnlyList<DataFile> Scan(string directory, int maxDepth = 8)
    {
        if (!Directory.Exists(directory))
            throw new DataAcquisitionException(DataErrorKind.NoData, $"data folder {directory} does not exist");
        var found = new List<DataFile>();
        Walk(new DirectoryInfo(directory), 0, maxDepth, found);
        found.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    /// <summary>Finds (and, without a data directory, downloads) the files for <paramref name="request"/>.</summary>
    public Task<DataSet> ResolveAsync(DataRequest request, IDownloadProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        if (request.Symbols.Count == 0) throw new DataAcquisitionException(DataErrorKind.BadRequest, "no symbol given: pass --symbol, --symbols or --auto N");
        return _options.DataDirectory is { } dir
            ? Task.FromResult(ResolveLocal(request, dir))
            : ResolveRemoteAsync(request, progress, cancellationToken);
    }

    private DataSet ResolveLocal(DataRequest request, string directory)
    {
        var all = Scan(directory, _options.MaxDepth).Where(f => f.Exchange == request.Exchange).ToList();
        var days = request.Days();
        var wanted = request.RequiredFormats.Concat(request.OptionalFormats).ToHashSet();
        var files = new List<DataFile>();
        var notes = new List<string>();
        var missing = new List<string>();
        foreach (var f in all.Where(f => f.Format == DataFormat.LeanMinuteBars))
            notes.Add($"{f.Path}: minute bars cannot drive an order-book engine; ignored");
        foreach (string raw in request.Symbols)
        {
            string symbol = raw.ToUpperInvariant();
            var mine = all.Where(f => f.Symbol is not null ? f.Covers(symbol) : RecordingMentions(f.Path, symbol)).ToList();
            var recordings = mine.Where(f => IsRecording(f.Format)).ToList();
            var archives = mine.Where(f => wanted.Contains(f.Format)).ToList();
            if (days.Count == 0)
            {
                var usable = archives.Concat(recordings).ToList();
                if (usable.Count == 0)
                {
                    string known = string.Join(", ", all.Select(f => f.Symbol).OfType<string>().Distinct().Order(StringComparer.Ordinal));
                    throw new DataAcquisitionException(DataErrorKind.NoData,
                        $"no {Name(request.Exchange)} data for {symbol} in {directory}" + (known.Length > 0 ? $" (symbols there: {known})" : ""));
                }
                files.AddRange(usable);
                continue;
            }
            foreach (var day in days)
            {
                var dayRecordings = recordings.Where(f => f.Date == day).ToList();
                var dayArchives = archives.Where(f => f.Date == day).ToList();
                bool complete = dayRecordings.Count > 0 || request.RequiredFormats.All(r => dayArchives.Any(f => f.Format == r));
                if (!complete)
                {
                    missing.Add($"{symbol} {Day(day)}");
                    continue;
                }
                files.AddRange(dayRecordings);
                files.AddRange(dayArchives);
                if (dayRecordings.Count == 0)
                {
                    foreach (var o in request.OptionalFormats.Where(o => dayArchives.All(f => f.Format != o)))
                        notes.Add($"{symbol} {Day(day)}: no {o} file in {directory}");
                }
            }
        }
        if (missing.Count > 0)
        {
            throw new DataAcquisitionException(DataErrorKind.NoData,
                $"no {Name(request.Exchange)} data in {directory} for: {Summarize(missing)} (expected {string.Join(" + ", request.RequiredFormats)} archive files or a recording for each day)");
        }
        return new DataSet(Order(files), notes, 0, 0);
    }

    private async Task<DataSet> ResolveRemoteAsync(DataRequest request, IDownloadProgress progress, CancellationToken ct)
    {
        var days = request.Days();
        if (days.Count == 0)
            throw new DataAcquisitionException(DataErrorKind.BadRequest, "without --data, give the days to download: --days N or --from/--to");
        if (_downloader is null) throw new InvalidOperationException("an HttpClient is required to download archives");
        foreach (var f in request.RequiredFormats.Concat(request.OptionalFormats))
        {
            if (!ArchiveLayout.IsDownloadable(request.Exchange, f))
                throw new DataAcquisitionException(DataErrorKind.BadRequest, $"{f} cannot be downloaded from the {Name(request.Exchange)} archive");
        }

        var files = new List<DataFile>();
        var notes = new List<string>();
        var missing = new List<string>();
        int downloaded = 0, hits = 0;
        foreach (string raw in request.Symbols)
        {
            string symbol = raw.ToUpperInvariant();
            var symbolMissing = new List<DateOnly>();
            foreach (var day in days)
            {
                bool dayOk = true;
                foreach (var format in request.RequiredFormats.Concat(request.OptionalFormats))
                {
                    bool required = request.RequiredFormats.Contains(format);
                    if (!dayOk) break;
                    var (file, outcome) = await FetchAsync(format, symbol, day, progress, ct).ConfigureAwait(false);
                    if (outcome == DownloadOutcome.Downloaded) downloaded++;
                    else if (outcome == DownloadOutcome.CacheHit) hits++;
                    if (file is not null)
                    {
                        files.Add(file);
                    }
                    else if (required)
                    {
                        dayOk = false;
                        symbolMissing.Add(day);
                    }
                    else
                    {
                        notes.Add($"{symbol} {Day(day)}: the archive has no {format} file");
                    }
                }
            }
            if (symbolMissing.Count == days.Count)
            {
                await ThrowUnknownSymbolIfSoAsync(request, symbol, ct).ConfigureAwait(false);
            }
            missing.AddRange(symbolMissing.Select(d => $"{symbol} {Day(d)}"));
        }
        if (missing.Count > 0)
        {
            throw new DataAcquisitionException(DataErrorKind.NoData,
                $"the {Name(request.Exchange)} archive has no {string.Join(" + ", request.RequiredFormats)} data for: {Summarize(missing)} " +
                "(days are published the day after they end; some days are missing upstream)");
        }
        return new DataSet(Order(files), notes, downloaded, hits);
    }

    private async Task<(DataFile? File, DownloadOutcome Outcome)> FetchAsync(DataFormat format, string symbol, DateOnly day, IDownloadProgress progress, CancellationToken ct)
    {
        int[] depths = format == DataFormat.BybitOrderBook ? ArchiveLayout.BybitDepths : [0];
        // a depth already in the cache wins without any request
        foreach (int depth in depths)
        {
            string cached = ArchiveLayout.CachePath(_options.CacheDirectory, format, symbol, day, depth);
            if (File.Exists(cached)) return (new DataFile(cached, ArchiveLayout.ExchangeOf(format), format, symbol, day, depth), DownloadOutcome.CacheHit);
        }
        foreach (int depth in depths)
        {
            string relative = ArchiveLayout.RelativeUrl(format, symbol, day, depth);
            var baseUrl = ArchiveLayout.BaseUrl(_options.BaseUrls, format);
            string? checksum = ArchiveLayout.ChecksumUrl(format, relative);
            string target = ArchiveLayout.CachePath(_options.CacheDirectory, format, symbol, day, depth);
            var outcome = await _downloader!.DownloadAsync(new Uri(baseUrl, relative), target, checksum is null ? null : new Uri(baseUrl, checksum), progress, ct)
                .ConfigureAwait(false);
            if (outcome != DownloadOutcome.NotFound) return (new DataFile(target, ArchiveLayout.ExchangeOf(format), format, symbol, day, depth), outcome);
        }
        return (null, DownloadOutcome.NotFound);
    }

    private async Task ThrowUnknownSymbolIfSoAsync(DataRequest request, string symbol, CancellationToken ct)
    {
        var primary = request.RequiredFormats[0];
        var baseUrl = ArchiveLayout.BaseUrl(_options.BaseUrls, primary);
        string? listing = ArchiveLayout.SymbolListingUrl(primary, symbol);
        if (listing is not null)
        {
            var url = new Uri(baseUrl, listing);
            if (!await _downloader!.ExistsAsync(url, ct).ConfigureAwait(false))
                throw new DataAcquisitionException(DataErrorKind.UnknownSymbol, $"unknown symbol {symbol}: the {Name(request.Exchange)} archive has no {url}");
            return;
        }
        throw new DataAcquisitionException(DataErrorKind.UnknownSymbol,
            $"the {Name(request.Exchange)} archive has no {primary} file for {symbol} on any requested day: unknown symbol, or no data in that range");
    }

    // A multi-symbol recording holds a symbol when its name appears in the first few MB of the content (the
    // subscriptions and the first messages of every stream come early); reading stops at the first mention.
    private bool RecordingMentions(string path, string symbol)
    {
        if (_recordingSymbols.TryGetValue((path, symbol), out bool known)) return known;
        const int Limit = 8 << 20;
        byte[] upper = System.Text.Encoding.ASCII.GetBytes(symbol.ToUpperInvariant());
        byte[] lower = System.Text.Encoding.ASCII.GetBytes(symbol.ToLowerInvariant());
        bool found = false;
        try
        {
            using var stream = Smallfish.Simulation.Backtesting.Archives.ArchiveFile.OpenContent(path);
            var buffer = new byte[(1 << 16) + upper.Length];
            int carry = 0;
            long total = 0;
            int n;
            while (!found && total < Limit && (n = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                total += n;
                var span = buffer.AsSpan(0, carry + n);
                found = span.IndexOf(upper) >= 0 || span.IndexOf(lower) >= 0;
                carry = Math.Min(upper.Length - 1, span.Length);
                span[^carry..].CopyTo(buffer);
            }
        }
        catch (Smallfish.Simulation.Backtesting.Archives.ArchiveDataException e)
        {
            throw new DataAcquisitionException(DataErrorKind.CorruptFile, e.Message, path, e);
        }
        _recordingSymbols[(path, symbol)] = found;
        return found;
    }

    private static void Walk(DirectoryInfo dir, int depth, int maxDepth, List<DataFile> found)
    {
        foreach (var file in dir.EnumerateFiles())
        {
            var f = DataFileRecognizer.Recognize(file.FullName);
            if (f is not null) found.Add(f);
        }
        if (depth >= maxDepth) return;
        foreach (var sub in dir.EnumerateDirectories())
        {
            if ((sub.Attributes & FileAttributes.ReparsePoint) != 0) continue;
            Walk(sub, depth + 1, maxDepth, found);
        }
    }

    private static bool IsRecording(DataFormat f) =>
        f is DataFormat.HftBacktestRecording or DataFormat.CryptofeedBybitRecording or DataFormat.CryptofeedBinanceRecording;

    private static List<DataFile> Order(List<DataFile> files)
    {
        var distinct = files.DistinctBy(f => f.Path).ToList();
        distinct.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Symbol ?? "", b.Symbol ?? "");
            if (c == 0) c = Nullable.Compare(a.Date, b.Date);
            if (c == 0) c = a.Format.CompareTo(b.Format);
            return c != 0 ? c : string.CompareOrdinal(a.Path, b.Path);
        });
        return distinct;
    }

    private static string Summarize(List<string> items) =>
        items.Count <= 6 ? string.Join(", ", items) : string.Join(", ", items.Take(5)) + $" and {items.Count - 5} more";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name(ExchangeName e) => e == ExchangeName.Bybit ? "Bybit" : "Binance";
}
