namespace Smallfish.Backtest.Data;

/// <summary>Shows nothing.</summary>
public sealed class NullDownloadProgress : IDownloadProgress, IDownloadTask
{
    /// <summary>The one instance.</summary>
    public static NullDownloadProgress Instance { get; } = new();

    /// <inheritdoc />
    public IDownloadTask Begin(string name, long? totalBytes) => this;

    /// <inheritdoc />
    public void SetTotal(long totalBytes)
    {
    }

    /// <inheritdoc />
    public void Advance(long bytes)
    {
    }

    /// <inheritdoc />
    public void Complete()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
