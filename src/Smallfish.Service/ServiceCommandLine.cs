using System.CommandLine;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Commands;
using Smallfish.Service.Hosting;

namespace Smallfish.Service;

/// <summary>
/// The command-line surface of <c>smallfish</c>: the root command runs the service; <c>config check</c> loads,
/// validates and prints the effective configuration; <c>export --csv DIR</c> writes the journal as CSV;
/// <c>dashboard</c> shows a running service's terminal dashboard. Options given on the root apply to all of them.
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

        var live = new Option<bool>("--live")
        {
            Description = "Confirm real-money trading on mainnet (same as Smallfish:Exchange:Live=true). Needs API keys AND Exchange:Testnet=false (BYBIT_TESTNET=false / BINANCE_TESTNET=false); anything less is a configuration error, exit 2.",
        };
        var paper = new Option<bool>("--paper")
        {
            Description = "Paper trading even when API keys are set: real public market data, simulated fills, nothing sent to the exchange (the default without keys).",
        };
        var offline = new Option<bool>("--offline")
        {
            Description = "Run against the in-process loopback venue emulator, fed by the synthetic generator or --replay; no exchange is contacted.",
        };
        var replay = new Option<string?>("--replay")
        {
            Description = "With --offline: feed the emulator from this Smallfish recording instead of the synthetic generator.",
            HelpName = "path",
        };

        var root = new RootCommand(
            "smallfish: signal-fusion scalping engine for Bybit and Binance USDT perpetuals. Runs the trading service until SIGTERM or Ctrl+C (graceful stop, exit 0).\n" +
            "Modes: paper (default without API keys), testnet (keys + Exchange:Testnet=true), live (keys + Exchange:Testnet=false + --live), offline (--offline).\n" +
            "Environment: BYBIT_API_KEY/BYBIT_API_SECRET, BINANCE_API_KEY/BINANCE_API_SECRET, BYBIT_TESTNET/BINANCE_TESTNET, AUTO_SYMBOLS, TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID, SMTP_PASSWORD, SMALLFISH_<SECTION>__<KEY>.\n" +
            "Exit codes: 0 clean stop, 1 failure, 2 configuration error (one line per problem).")
        {
            mode, exchange, dashboard, multigrid, telegram, configDir, dataDir, set, live, paper, offline, replay,
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

        root.Subcommands.Add(ExportCommand.Create(BuildRequest, output, error));
        root.Subcommands.Add(DashboardCommand.Create(BuildRequest, error));
        root.Subcommands.Add(BenchCommand.Create(BuildRequest, output, error));

        root.SetAction(async (result, _) =>
        {
            SmallfishConfigurationRequest request;
            try
            {
                request = BuildRequest(result);
            }
            catch (ConfigurationErrors errors)
            {
                return ConfigurationErrorReporter.Report(errors, error);
            }

            var modes = new RunModeRequest
            {
                Live = result.GetValue(live),
                Paper = result.GetValue(paper),
                Offline = result.GetValue(offline),
                ReplayPath = result.GetValue(replay),
            };

            // SIGTERM and Ctrl+C are the host's: its console lifetime runs the graceful stop.
            return await ServiceRunner.RunAsync(new ServiceRunRequest(request, modes), output, error).ConfigureAwait(false);
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
}
