namespace Smallfish.Service.Startup;

/// <summary>
/// Checks that the files holding secrets (<c>appsettings.Secrets.json</c>, <c>.env</c>, <c>smallfish.env</c>) in the
/// config and data directories are not readable or writable by group or others. The service warns at start; it does
/// not refuse to run.
/// </summary>
public static class SecretsFilePermissions
{
    /// <summary>The file names checked in each directory.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["appsettings.Secrets.json", ".env", "smallfish.env"];

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The secrets files in <paramref name="directories"/> that group or others may access (empty on Windows).</summary>
    public static IReadOnlyList<SecretsFileWarning> Check(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var warnings = new List<SecretsFileWarning>();
        if (OperatingSystem.IsWindows()) return warnings;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string directory in directories)
        {
            foreach (string name in FileNames)
            {
                string path = Path.GetFullPath(Path.Combine(directory, name));
                if (!seen.Add(path) || !File.Exists(path)) continue;
                UnixFileMode mode = File.GetUnixFileMode(path);
                if ((mode & GroupOrOthers) != 0) warnings.Add(new SecretsFileWarning(path, mode));
            }
        }

        return warnings;
    }
}
