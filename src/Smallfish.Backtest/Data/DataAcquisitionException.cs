namespace Smallfish.Backtest.Data;

/// <summary>
/// Market data could not be found, downloaded or verified. The message is one or a few plain lines for the user (it
/// names the symbol, the day, the URL or the file); the CLI prints it without a stack trace and exits non-zero.
/// </summary>
public sealed class DataAcquisitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataAcquisitionException(DataErrorKind kind, string message, string? filePath = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        FilePath = filePath;
    }

    /// <summary>What went wrong.</summary>
    public DataErrorKind Kind { get; }

    /// <summary>The file concerned, when there is one.</summary>
    public string? FilePath { get; }
}
