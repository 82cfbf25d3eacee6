namespace Smallfish.Simulation.Replay;

/// <summary>
/// A recorded data file could not be read as its format says: a malformed or truncated line, or a corrupt or
/// truncated compressed file. Names the file and the 1-based line so the data can be inspected.
/// </summary>
public sealed class ReplayFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="filePath"/> at <paramref name="lineNumber"/>.</summary>
    public ReplayFormatException(string filePath, long lineNumber, string reason, Exception? inner = null)
        : base($"{filePath}:{lineNumber}: {reason}", inner)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number where the problem was found.</summary>
    public long LineNumber { get; }

    /// <summary>What was wrong.</summary>
    public string Reason { get; }
}
