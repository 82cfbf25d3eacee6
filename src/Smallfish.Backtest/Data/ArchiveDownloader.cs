using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Smallfish.Simulation.Backtesting.Archives;

namespace Smallfish.Backtest.Data;

/// <summary>
/// Fetches one archive file into the cache, safely: the body goes to <c>{target}.part</c> (resumed with an HTTP Range
/// request when a previous attempt left one), is checked against the archive's published SHA-256 where there is one
/// (Binance's <c>.CHECKSUM</c> files) and decompressed end to end (gzip trailer / zip CRC), and only then renamed to
/// its final name. A file in the cache is therefore always complete; a present file is never fetched again.
/// </summary>
public sealed class ArchiveDownloader
{
    private readonly HttpClient _http;

    /// <summary>Uses <paramref name="http"/> for every request (the caller owns it).</summary>
    public ArchiveDownloader(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    /// <summary>Downloads <paramref name="url"/> to <paramref name="targetPath"/> unless it is already there.</summary>
    /// <exception cref="DataAcquisitionException">Unreachable archive, HTTP error, checksum mismatch, corrupt file.</exception>
    public async Task<DownloadOutcome> DownloadAsync(Uri url, string targetPath, Uri? checksumUrl, IDownloadProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetPath);
        ArgumentNullException.ThrowIfNull(progress);
        if (File.Exists(targetPath)) return DownloadOutcome.CacheHit;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(targetPath))!);
        string part = targetPath + ".part";

        string? expectedSha256 = null;
        if (checksumUrl is not null)
        {
            expectedSha256 = await FetchChecksumAsync(checksumUrl, cancellationToken).ConfigureAwait(false);
            if (expectedSha256 is null && !File.Exists(part)) return await ProbeMissingAsync(url, cancellationToken).ConfigureAwait(false);
        }

        if (!await FetchBodyAsync(url, part, progress, cancellationToken).ConfigureAwait(false)) return DownloadOutcome.NotFound;

        if (expectedSha256 is not null)
        {
            string actual = await Sha256HexAsync(part, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
            {
                File.Delete(part);
                throw new DataAcquisitionException(DataErrorKind.ChecksumMismatch,
                    $"checksum mismatch for {url}: SHA-256 {actual}, the archive's {checksumUrl} says {expectedSha256}; the partial file was deleted, run again to retry",
                    targetPath);
            }
        }
        try
        {
            ArchiveFile.Verify(part);
        }
        catch (ArchiveDataException e)
        {
            string corrupt = targetPath + ".corrupt";
            File.Move(part, corrupt, overwrite: true);
            throw new DataAcquisitionException(DataErrorKind.CorruptFile,
                $"downloaded file from {url} is corrupt or truncated ({e.Reason}); kept as {corrupt} for inspection", corrupt, e);
        }
        File.Move(part, targetPath, overwrite: true);
        return DownloadOutcome.Downloaded;
    }

    /// <summary>True when a GET of <paramref name="url"/> succeeds (used to tell an unknown symbol from a missing day).</summary>
    public async Task<bool> ExistsAsync(Uri url, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (!response.IsSuccessStatusCode) throw HttpError(url, response.StatusCode);
        return true;
    }

    private async Task<DownloadOutcome> ProbeMissingAsync(Uri url, CancellationToken ct)
    {
        // No checksum published: usually the file is missing too. Confirm with the file itself rather than guess.
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Head, url), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return DownloadOutcome.NotFound;
        throw new DataAcquisitionException(DataErrorKind.ChecksumMismatch,
            $"{url} exists but its checksum file does not; refusing an unverifiable download");
    }

    private async Task<string?> FetchChecksumAsync(Uri url, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw HttpError(url, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        // sha256sum -c format: "<64 hex>  <file name>"
        string hash = text.Trim().Split([' ', '\t'], 2)[0];
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
            throw new DataAcquisitionException(DataErrorKind.ChecksumMismatch, $"checksum file {url} is not in sha256sum format");
        return hash;
    }

    private async Task<bool> FetchBodyAsync(Uri url, string part, IDownloadProgress progress, CancellationToken ct)
    {
        long have = File.Exists(part) ? new FileInfo(part).Length : 0;
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
        using var response = await SendAsync(request, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // the partial file is at least as long as the resource: start over once
            File.Delete(part);
            return await FetchBodyAsync(url, part, progress, ct).ConfigureAwait(false);
        }
        if (!response.IsSuccessStatusCode) throw HttpError(url, response.StatusCode);
        bool append = have > 0 && response.StatusCode == HttpStatusCode.PartialContent;
        if (!append) have = 0;
        long? total = response.Content.Headers.ContentLength is long len ? len + have : null;
        using var task = progress.Begin(Path.GetFileName(url.AbsolutePath), total);
        task.Advance(have);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using var file = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            int n;
            while ((n = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                task.Advance(n);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException && e is not DataAcquisitionException)
        {
            throw new DataAcquisitionException(DataErrorKind.Network,
                $"download of {url} was interrupted ({e.Message}); the partial file {part} is kept and the next run resumes it", part, e);
        }
        task.Complete();
        return true;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DataAcquisitionException(DataErrorKind.Network,
                $"cannot reach {request.RequestUri?.GetLeftPart(UriPartial.Authority)} ({e.Message}). This machine may have no internet: " +
                "copy the archive files to a folder and pass --data DIR", null, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new DataAcquisitionException(DataErrorKind.Network, $"request to {request.RequestUri} timed out", null, e);
        }
    }

    private static DataAcquisitionException HttpError(Uri url, HttpStatusCode status) =>
        new(DataErrorKind.Network, $"{url} answered HTTP {(int)status} {status}");

    private static async Task<string> Sha256HexAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        byte[] hash = await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }
}
