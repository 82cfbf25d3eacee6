namespace Smallfish.Simulation.Recording;

/// <summary>
/// A recording (or an in-memory block) is truncated or corrupt. <see cref="Offset"/> is the byte offset of the problem:
/// within the file when <see cref="FilePath"/> is set, else within the block payload being decoded.
/// </summary>
public sealed class RecordingFormatException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="offset"/>.</summary>
    public RecordingFormatException(string reason, long offset, string? filePath = null, Exception? inner = null)
        : base(Compose(reason, offset, filePath), inner)
    {
        Reason = reason;
        Offset = offset;
        FilePath = filePath;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>Byte offset of the problem (in the file when <see cref="FilePath"/> is set).</summary>
    public long Offset { get; }

    /// <summary>The recording file, when known.</summary>
    public string? FilePath { get; }

    private static string Compose(string reason, long offset, string? filePath) =>
        filePath is null
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"recording block corrupt at payload offset {offset}: {reason}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"recording {filePath} corrupt or truncated at byte offset {offset}: {reason}");
}
