namespace Smallfish.Hosting.Configuration;

/// <summary>What to load configuration from: the directory of the appsettings files, the mode, the environment and command-line overrides.</summary>
public sealed record SmallfishConfigurationRequest
{
    private static readonly IReadOnlyDictionary<string, string?> s_empty = new Dictionary<string, string?>();

    /// <summary>Directory holding appsettings.json and the profile layers (relative to <see cref="WorkingDirectory"/> when relative).</summary>
    public required string ConfigDirectory { get; init; }

    /// <summary>Mode from the command line (<c>--mode</c>, case-insensitive); null to take <c>Smallfish:Mode</c> from configuration.</summary>
    public string? Mode { get; init; }

    /// <summary>Environment variables (use <see cref="ReadProcessEnvironment"/> for the real ones); empty by default so tests stay hermetic.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = s_empty;

    /// <summary>
    /// Command-line overrides, the top layer. Keys are configuration paths, with or without the leading
    /// <c>Smallfish:</c> (e.g. <c>Dashboard:Enabled</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = s_empty;

    /// <summary>Directory against which relative paths (config directory, data directory) are resolved.</summary>
    public string WorkingDirectory { get; init; } = System.Environment.CurrentDirectory;

    /// <summary>A snapshot of the process environment variables.</summary>
    public static IReadOnlyDictionary<string, string?> ReadProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
