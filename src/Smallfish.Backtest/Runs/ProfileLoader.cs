using Smallfish.Backtest.Commands;
using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Backtest.Runs;

/// <summary>
/// Loads each profile's options through the same configuration path the service uses
/// (<see cref="SmallfishConfiguration.Load"/>: appsettings.json, the profile layer, secrets, environment), with the
/// command line's <c>--exchange</c> and <c>--multigrid</c> as overrides. A bad configuration throws
/// <see cref="ConfigurationErrors"/>, which the CLI prints one line per problem.
/// </summary>
public static class ProfileLoader
{
    /// <summary>The validated options of <paramref name="mode"/>.</summary>
    public static SmallfishOptions Load(BacktestEnvironment environment, RunSettings settings, TradingMode mode)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settings);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Exchange:Name"] = settings.Exchange == ExchangeName.Binance ? "binance" : "bybit",
        };
        if (settings.Multigrid) overrides["Multigrid:Enabled"] = "true";
        var loaded = SmallfishConfiguration.Load(new SmallfishConfigurationRequest
        {
            ConfigDirectory = environment.ConfigDirectory,
            Mode = mode.ToString().ToLowerInvariant(),
            Environment = environment.Environment ?? SmallfishConfigurationRequest.ReadProcessEnvironment(),
            Overrides = overrides,
        });
        return loaded.Options;
    }

    /// <summary>The report name of <paramref name="mode"/> ("balanced").</summary>
    public static string Name(TradingMode mode) => mode.ToString().ToLowerInvariant();
}
