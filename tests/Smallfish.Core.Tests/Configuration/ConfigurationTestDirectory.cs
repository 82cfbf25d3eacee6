using Smallfish.Core.Tests.TestSupport;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Configuration;

/// <summary>
/// A temporary configuration directory holding copies of the repository's real appsettings*.json files (so tests
/// can add secrets files and .env files without touching the repository), plus a separate data directory.
/// </summary>
internal sealed class ConfigurationTestDirectory : IDisposable
{
    public ConfigurationTestDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "smallfish-config-tests", Guid.NewGuid().ToString("N"));
        ConfigDirectory = Path.Combine(Root, "config");
        DataDirectory = Path.Combine(Root, "data");
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(DataDirectory);
        foreach (string file in Directory.GetFiles(RepositoryRoot, "appsettings*.json"))
        {
            if (Path.GetFileName(file) == "appsettings.Secrets.json") continue; // a developer's own secrets never enter tests
            File.Copy(file, Path.Combine(ConfigDirectory, Path.GetFileName(file)));
        }
    }

    /// <summary>The repository root: the first directory above the test assembly holding Smallfish.sln.</summary>
    public static string RepositoryRoot => RepoPaths.RepoRoot;

    public string Root { get; }

    public string ConfigDirectory { get; }

    public string DataDirectory { get; }

    /// <summary>A request over this directory, with the data directory pointed at <see cref="DataDirectory"/>.</summary>
    public SmallfishConfigurationRequest Request(
        string? mode = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var allOverrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Journal:DataDirectory"] = DataDirectory };
        if (overrides is not null)
        {
            foreach ((string key, string? value) in overrides) allOverrides[key] = value;
        }

        return new SmallfishConfigurationRequest
        {
            ConfigDirectory = ConfigDirectory,
            Mode = mode,
            Environment = environment ?? new Dictionary<string, string?>(),
            Overrides = allOverrides,
            WorkingDirectory = Root,
        };
    }

    /// <summary>Loads with the given overrides (keys relative to Smallfish) and returns the problems, or none.</summary>
    public IReadOnlyList<ConfigurationError> Errors(IReadOnlyDictionary<string, string?>? overrides = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        try
        {
            SmallfishConfiguration.Load(Request(environment: environment, overrides: overrides));
            return [];
        }
        catch (ConfigurationErrors errors)
        {
            return errors.Errors;
        }
    }

    public void WriteConfigFile(string name, string text) => File.WriteAllText(Path.Combine(ConfigDirectory, name), text);

    public void WriteDataFile(string name, string text) => File.WriteAllText(Path.Combine(DataDirectory, name), text);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp directory is cleaned by the OS eventually.
        }
    }
}
