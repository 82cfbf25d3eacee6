namespace Smallfish.Simulation.Replay;

/// <summary>
/// Finds the shared folder of real recorded market data (<c>shared/data/real</c>), which lives beside the repository
/// rather than in it, by walking up from one or more start directories.
/// </summary>
public static class RealDataLocator
{
    /// <summary>The data folder's path relative to the directory that holds it.</summary>
    public static readonly string RelativePath = Path.Combine("shared", "data", "real");

    /// <summary>
    /// The first <c>shared/data/real</c> found walking up from each of <paramref name="startDirectories"/> in turn
    /// (for a program: the current directory, then the executable's), or null.
    /// </summary>
    public static string? Find(params string[] startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        foreach (string start in startDirectories)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, RelativePath);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
