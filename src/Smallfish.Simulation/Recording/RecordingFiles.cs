namespace Smallfish.Simulation.Recording;

/// <summary>Finds recording files.</summary>
public static class RecordingFiles
{
    /// <summary>
    /// The <c>.sfrec</c> files in <paramref name="directory"/> (optionally only those starting with
    /// <paramref name="prefix"/>), in name order, which is recording order for the recorder's <c>{prefix}-{yyyyMMdd}-{nnn}</c> names.
    /// </summary>
    public static IReadOnlyList<string> List(string directory, string? prefix = null)
    {
        var files = Directory.EnumerateFiles(directory, "*" + RecordingFormat.FileExtension)
            .Where(f => prefix is null || Path.GetFileName(f).StartsWith(prefix + "-", StringComparison.Ordinal))
            .Select(Path.GetFullPath)
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
