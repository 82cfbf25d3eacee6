using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Builds the layered configuration, lowest first: appsettings.json, appsettings.{Mode}.json, the secrets files
/// (appsettings.Secrets.json in the config and data directories), the environment (a .env file in the config and
/// data directories below the real environment variables), the command-line overrides. Problems found while loading
/// (missing or malformed files, bad values of the original environment variables) are collected, not thrown.
/// </summary>
internal static class ConfigurationLayering
{
    /// <summary>The base file every default lives in.</summary>
    public const string BaseFileName = "appsettings.json";

    /// <summary>The optional, git-ignored secrets file.</summary>
    public const string SecretsFileName = "appsettings.Secrets.json";

    /// <summary>The optional, git-ignored environment file.</summary>
    public const string DotEnvFileName = ".env";

    private const string Root = SmallfishOptions.SectionName + ":";

    /// <summary>The layer file of a mode, e.g. appsettings.Aggressive.json.</summary>
    public static string ProfileFileName(TradingMode mode) => $"appsettings.{mode}.json";

    /// <summary>Builds the configuration of <paramref name="request"/>, appending loading problems to <paramref name="errors"/>.</summary>
    public static IConfigurationRoot Build(SmallfishConfigurationRequest request, List<ConfigurationError> errors, out string configDirectory)
    {
        configDirectory = Path.GetFullPath(request.ConfigDirectory, request.WorkingDirectory);
        Dictionary<string, string?> overrides = NormalizeOverrides(request);

        IConfiguration? baseFile = LoadJson(Path.Combine(configDirectory, BaseFileName), required: true, errors);
        if (baseFile is not null) RequiredSectionsChecker.Check(baseFile, BaseFileName, errors);
        var secretFiles = new List<IConfiguration>();
        AddIfPresent(secretFiles, LoadJson(Path.Combine(configDirectory, SecretsFileName), required: false, errors));

        // Phase 0: the data directory, which may hold a second secrets file and a .env. Neither can move it.
        Dictionary<string, string?> explicitEnvironment = EnvironmentVariableMapper.Map(request.Environment, exchange: null, errors: null);
        IConfigurationRoot phase0 = Compose(baseFile, null, secretFiles, explicitEnvironment, overrides, null);
        string dataDirectory = ResolveDataDirectory(phase0, request.WorkingDirectory);
        bool separateDataDirectory = !string.Equals(dataDirectory, configDirectory, StringComparison.Ordinal);
        if (separateDataDirectory)
        {
            AddIfPresent(secretFiles, LoadJson(Path.Combine(dataDirectory, SecretsFileName), required: false, errors));
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        ReadDotEnv(Path.Combine(configDirectory, DotEnvFileName), environment, errors);
        if (separateDataDirectory) ReadDotEnv(Path.Combine(dataDirectory, DotEnvFileName), environment, errors);
        foreach ((string name, string? value) in request.Environment) environment[name] = value;

        // Phase 1: mode and exchange, which choose the profile file and the exchange-specific variables.
        IConfigurationRoot phase1 = Compose(baseFile, null, secretFiles, EnvironmentVariableMapper.Map(environment, null, null), overrides, null);
        TradingMode? mode = ParseMode(phase1[Root + "Mode"], errors);
        ExchangeName? exchange = ParseEnum<ExchangeName>(phase1[Root + "Exchange:Name"] ?? nameof(ExchangeName.Bybit));

        IConfiguration? profile = mode is { } m ? LoadJson(Path.Combine(configDirectory, ProfileFileName(m)), required: true, errors) : null;
        Dictionary<string, string?> mapped = EnvironmentVariableMapper.Map(environment, exchange, errors);
        IConfigurationRoot final = Compose(baseFile, profile, secretFiles, mapped, overrides, null);
        return Compose(baseFile, profile, secretFiles, mapped, overrides, ResolvedPaths(final, request.WorkingDirectory));
    }

    private static IConfigurationRoot Compose(
        IConfiguration? baseFile,
        IConfiguration? profile,
        List<IConfiguration> secretFiles,
        Dictionary<string, string?> environment,
        Dictionary<string, string?> overrides,
        Dictionary<string, string?>? resolvedPaths)
    {
        var builder = new ConfigurationBuilder();
        if (baseFile is not null) builder.AddConfiguration(baseFile, shouldDisposeConfiguration: false);
        if (profile is not null) builder.AddConfiguration(profile, shouldDisposeConfiguration: false);
        foreach (IConfiguration secrets in secretFiles) builder.AddConfiguration(secrets, shouldDisposeConfiguration: false);
        builder.AddInMemoryCollection(environment);
        builder.AddInMemoryCollection(overrides);
        if (resolvedPaths is { Count: > 0 }) builder.AddInMemoryCollection(resolvedPaths);
        return builder.Build();
    }

    private static Dictionary<string, string?> NormalizeOverrides(SmallfishConfigurationRequest request)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string? value) in request.Overrides)
        {
            string trimmed = key.Trim();
            bool rooted = trimmed.StartsWith(Root, StringComparison.OrdinalIgnoreCase);
            overrides[rooted ? Root + trimmed[Root.Length..] : Root + trimmed] = value;
        }

        if (request.Mode is not null) overrides[Root + "Mode"] = request.Mode;
        return overrides;
    }

    private static TradingMode? ParseMode(string? text, List<ConfigurationError> errors)
    {
        if (text is null) return TradingMode.Balanced;
        TradingMode? mode = ParseEnum<TradingMode>(text);
        if (mode is null) errors.Add(new ConfigurationError(Root + "Mode", ValueFormatter.FormatRaw(text, false), OptionsTypeInfo.DescribeExpected(typeof(TradingMode))));
        return mode;
    }

    private static T? ParseEnum<T>(string text)
        where T : struct, Enum =>
        OptionsTypeInfo.CanConvert(text, typeof(T)) && Enum.TryParse(text.Trim(), ignoreCase: true, out T value) ? value : null;

    private static string ResolveDataDirectory(IConfiguration configuration, string workingDirectory)
    {
        string? value = configuration[Root + "Journal:DataDirectory"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(value) ? "data" : value, workingDirectory);
    }

    private static Dictionary<string, string?> ResolvedPaths(IConfiguration configuration, string workingDirectory)
    {
        var paths = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? data = configuration[Root + "Journal:DataDirectory"];
        if (string.IsNullOrWhiteSpace(data)) return paths; // reported by validation
        string dataDirectory = Path.GetFullPath(data, workingDirectory);
        if (!string.Equals(dataDirectory, data, StringComparison.Ordinal)) paths[Root + "Journal:DataDirectory"] = dataDirectory;
        string? recordings = configuration[Root + "Recorder:Directory"];
        if (!string.IsNullOrWhiteSpace(recordings) && !Path.IsPathFullyQualified(recordings))
        {
            paths[Root + "Recorder:Directory"] = Path.GetFullPath(recordings, dataDirectory);
        }

        return paths;
    }

    private static void ReadDotEnv(string path, Dictionary<string, string?> environment, List<ConfigurationError> errors)
    {
        if (File.Exists(path)) DotEnvFile.Read(path, environment, errors);
    }

    private static void AddIfPresent(List<IConfiguration> list, IConfiguration? configuration)
    {
        if (configuration is not null) list.Add(configuration);
    }

    private static IConfiguration? LoadJson(string path, bool required, List<ConfigurationError> errors)
    {
        if (!File.Exists(path))
        {
            if (required) errors.Add(new ConfigurationError(path, null, "file not found (--config-dir names the directory of the appsettings files)"));
            return null;
        }

        try
        {
            return new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or JsonException or UnauthorizedAccessException)
        {
            // Never echo the parser's message: a secrets file's content could be part of it.
            errors.Add(new ConfigurationError(path, null, DescribeJsonFailure(ex)));
            return null;
        }
    }

    private static string DescribeJsonFailure(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is JsonException { LineNumber: { } line } json)
            {
                return $"is not valid JSON (line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1})";
            }

            if (e is FormatException && e.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase))
            {
                return "is not valid configuration JSON (a key appears twice)";
            }
        }

        return ex is IOException or UnauthorizedAccessException ? "could not be read: " + ex.GetType().Name : "is not valid configuration JSON";
    }
}
