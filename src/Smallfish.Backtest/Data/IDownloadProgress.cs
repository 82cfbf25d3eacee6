namespace Smallfish.Backtest.Data;

/// <summary>Shows download progress to the user (a Spectre progress bar, or plain lines when output is redirected).</summary>
public interface IDownloadProgress
{
    /// <summary>Starts showing one file; <paramref name="totalBytes"/> when the size is known.</summary>
    IDownloadTask Begin(string name, long? totalBytes);
}

/// <summary>One file's progress.</summary>
public interface IDownloadTask : IDisposable
{
    /// <summary>The size became known.</summary>
    void SetTotal(long totalBytes);

    /// <summary>More bytes arrived.</summary>
    void Advance(long bytes);

    /// <summary>The file is complete and verified.</summary>
    void Complete();
}
