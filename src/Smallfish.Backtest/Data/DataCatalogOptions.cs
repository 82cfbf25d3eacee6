namespace Smallfish.Backtest.Data;

/// <summary>Where <see cref="DataCatalog"/> looks for data.</summary>
public sealed record DataCatalogOptions
{
    /// <summary>
    /// <c>--data DIR</c>: a folder of local files (searched recursively, archive names and the shared/data/real
    /// recordings recognized). When set, only this folder is used and nothing is downloaded.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>The download cache (default <see cref="Data.CacheDirectory.Default"/>).</summary>
    public string CacheDirectory { get; init; } = Data.CacheDirectory.Default();

    /// <summary>The archives' base URLs.</summary>
    public ArchiveBaseUrls BaseUrls { get; init; } = new();

    /// <summary>Folder levels searched below <see cref="DataDirectory"/>.</summary>
    public int MaxDepth { get; init; } = 8;
}
