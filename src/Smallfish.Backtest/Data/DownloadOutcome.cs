namespace Smallfish.Backtest.Data;

/// <summary>What <see cref="ArchiveDownloader.DownloadAsync"/> did.</summary>
public enum DownloadOutcome
{
    /// <summary>The file was already complete in the cache: no request was made.</summary>
    CacheHit,

    /// <summary>The file was downloaded (or a partial download finished), verified and moved into place.</summary>
    Downloaded,

    /// <summary>The archive has no such file (HTTP 404).</summary>
    NotFound,
}
