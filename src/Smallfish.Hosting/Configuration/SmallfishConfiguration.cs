using Microsoft.Extensions.Configuration;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Loads Smallfish's configuration, shared by the service and the backtest. Layers, lowest first:
/// <c>appsettings.json</c> (every default) -> <c>appsettings.{Mode}.json</c> (the profile) -> secrets
/// (<c>appsettings.Secrets.json</c>, <c>.env</c>) -> environment variables (SMALLFISH_*, and the original BYBIT_*,
/// BINANCE_*, TELEGRAM_*, SMTP_PASSWORD, AUTO_SYMBOLS) -> command-line overrides.
/// </summary>
public static class SmallfishConfiguration
{
    /// <summary>
    /// Builds the layered configuration without binding it. Throws <see cref="ConfigurationErrors"/> for problems
    /// found while loading: an unknown mode, a missing appsettings.json or profile file, malformed JSON, a bad value
    /// of an original environment variable. Unknown keys and invalid values are found by <see cref="Load"/>.
    /// </summary>
    public static IConfigurationRoot Build(SmallfishConfigurationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ConfigurationError>();
        IConfigurationRoot configuration = ConfigurationLayering.Build(request, errors, out _);
        if (errors.Count > 0) throw new ConfigurationErrors(Scrub(errors, configuration, request.Environment));
        return configuration;
    }

    /// <summary>
    /// Builds, binds and validates the configuration. Throws <see cref="ConfigurationErrors"/> with every problem
    /// found (loading, unknown keys, values that do not convert, field and cross-field rules), secrets redacted.
    /// </summary>
    public static LoadedSmallfishConfiguration Load(SmallfishConfigurationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ConfigurationError>();
        IConfigurationRoot configuration = ConfigurationLayering.Build(request, errors, out string configDirectory);
        SmallfishOptions options = SmallfishOptionsBinder.BindAndValidate(configuration, errors);
        SecretScrubber scrubber = SecretScrubber.From(configuration, request.Environment);
        if (errors.Count > 0) throw new ConfigurationErrors(errors.ConvertAll(scrubber.Scrub));
        return new LoadedSmallfishConfiguration(configuration, options, configDirectory, scrubber);
    }

    /// <summary>
    /// Binds and validates an already built configuration (e.g. one a host composed). Throws
    /// <see cref="ConfigurationErrors"/> with every problem found.
    /// </summary>
    public static SmallfishOptions BindAndValidate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<ConfigurationError>();
        SmallfishOptions options = SmallfishOptionsBinder.BindAndValidate(configuration, errors);
        if (errors.Count > 0) throw new ConfigurationErrors(Scrub(errors, configuration, null));
        return options;
    }

    private static List<ConfigurationError> Scrub(List<ConfigurationError> errors, IConfiguration configuration, IReadOnlyDictionary<string, string?>? environment) =>
        errors.ConvertAll(SecretScrubber.From(configuration, environment).Scrub);
}
