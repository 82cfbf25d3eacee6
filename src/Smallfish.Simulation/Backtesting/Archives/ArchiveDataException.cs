namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// A data file could not be read as its format says: corrupt or truncated compression, a malformed row, a price off
/// the instrument's grid. The message names the file (and the 1-based line when there is one) so a user can inspect
/// or delete it; it is meant to be shown as is, without a stack trace.
/// </summary>
public sealed class ArchiveDataException : Exception
{
    /// <summary>Creates the exception for <paramref name="filePath"/>, at <paramref name="lineNumber"/> (0 = the file as a whole).</summary>
    public ArchiveDataException(string filePath, long lineNumber, string reason, Exception? inner = null)
        : base(lineNumber > 0 ? $"{filePath}:{lineNumber}: {reason}" : $"{filePath}: {reason}", inner)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line, or 0 when the problem is the file as a whole.</summary>
    public long LineNumber { get; }

    /// <summary>What was wrong.</summary>
    public string Reason { get; }
}
