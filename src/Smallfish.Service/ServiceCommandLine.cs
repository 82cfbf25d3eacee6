using System.CommandLine;
using System.Globalization;
using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Service;

/// <summary>
/// The command-line surface of <c>smallfish</c>: the root command runs the service, <c>config check</c> loads,
/// validates and prints the effective configuration. Options given on the root apply to both.
/// </summary>
public static class ServiceCommandLine
{
    /// <summary>Builds the root command writing normal output to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var mode = new Option<string?>("--mode", "-m")
        {
            Description = "Risk profile, case-insensitive: conservative|balanced|aggressive|ultra (layers appsettings.<Mode>.json; default: Smallfish:Mode).",
            HelpName = "conservative|balanced|aggressive|ultra",
            Recursive = true,
        };
        var exchange = new Option<string?>("--exchange")
        {
            Description = "Exchange: bybit|binance (overrides Smallfish:Exchange:Name).",
            HelpName = "bybit|binance",
            Recursive = true,
        };
        var dashboard = new Option<bool?>("--dashboard") { Description = "Show the terminal dashboard (Smallfish:Dashboard:Enabled).", Recursive = true };
        var multigrid = new Option<bool?>("--multigrid") { Description = "Run the multigrid strategy (Smallfish:Multigrid:Enabled).", Recursive = true };
        var telegram = new Option<bool?>("--telegram") { Description = "Enable Telegram remote control (Smallfish:Telegram:Enabled).", Recursive = true };
        var configDir = new Option<string?>("--config-dir")
        {
            Description = "Directory of appsettings.json and the profile files (default: the executable's directory if it holds appsettings.json, else the current directory).",
            HelpName = "dir",
            Recursive = true,
        };
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "Data directory: journal, logs, optional .env and appsettings.Secrets.json (Smallfish:Journal:DataDirectory).",
            HelpName = "dir",
            Recursive = true,
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Override any setting, repeatable: --set Risk:RiskPerTradePct=1.0 (keys relative to Smallfish).",
            HelpName = "key=value",
            Recursive = true,
        };

        var root = new RootCommand("smallfish: signal-fusion scalping engine for Bybit and Binance USDT perpetuals. Runs the trading service.")
        {
            mode, exchange, dashboard, multigrid, telegram, configDir, dataDir, set,
        };

        var check = new Command("check", "Load and validate the configuration, print the effective settings (secrets redacted) as sorted 'key = value' lines. Exit 0 when valid, 2 with one line per error otherwise.");
        var config = new Command("config", "Configuration tools.") { check };
        root.Subcommands.Add(config);

        SmallfishConfigurationRequest BuildRequest(ParseResult result)
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (string pair in result.GetValue(set) ?? [])
            {
                int equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0) throw new ConfigurationErrors([new ConfigurationError("--set", null, "must be key=value, e.g. --set Risk:RiskPerTradePct=1.0")]);
                overrides[pair[..equals].Trim()] = pair[(equals + 1)..];
            }

            if (result.GetValue(exchange) is { } exchangeName) overrides["Exchange:Name"] = exchangeName;
            if (result.GetValue(dashboard) is { } showDashboard) overrides["Dashboard:Enabled"] = Flag(showDashboard);
            if (result.GetValue(multigrid) is { } runGrid) overrides["Multigrid:Enabled"] = Flag(runGrid);
            if (result.GetValue(telegram) is { } useTelegram) overrides["Telegram:Enabled"] = Flag(useTelegram);
            if (result.GetValue(dataDir) is { } data) overrides["Journal:DataDirectory"] = data;
            return new SmallfishConfigurationRequest
            {
                ConfigDirectory = result.GetValue(configDir) ?? DefaultConfigDirectory(),
                Mode = result.GetValue(mode),
                Environment = SmallfishConfigurationRequest.ReadProcessEnvironment(),
                Overrides = overrides,
            };
        }

        check.SetAction(result =>
        {
            try
            {
                LoadedSmallfishConfiguration loaded = SmallfishConfiguration.Load(BuildRequest(result));
                foreach (string line in loaded.DescribeEffectiveConfiguration()) output.WriteLine(line);
                return 0;
            }
            catch (ConfigurationErrors errors)
            {
                return ConfigurationErrorReporter.Report(errors, error);
            }
        });

        root.SetAction(result =>
        {
            try
            {
                SmallfishOptions options = SmallfishConfiguration.Load(BuildRequest(result)).Options;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"smallfish: configuration valid (mode {Lower(options.Mode)}, exchange {Lower(options.Exchange.Name)}{(options.Exchange.Testnet ? " testnet" : " MAINNET")}, symbols {string.Join(' ', options.Symbols)}, auto {options.AutoSymbols.Count})."));
                output.WriteLine("smallfish: the trading host is not part of this build yet; nothing was started. Use 'smallfish config check' to see the effective configuration.");
                return 0;
            }
            catch (ConfigurationErrors errors)
            {
                return ConfigurationErrorReporter.Report(errors, error);
            }
        });

        return root;
    }

    /// <summary>The executable's directory when it holds appsettings.json, otherwise the current directory.</summary>
    public static string DefaultConfigDirectory()
    {
        string executableDirectory = AppContext.BaseDirectory;
        return File.Exists(Path.Combine(executableDirectory, "appsettings.json")) ? executableDirectory : Environment.CurrentDirectory;
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Lower(Enum value) => value.ToString().ToLowerInvariant();
}
