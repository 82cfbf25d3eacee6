using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Hosting.Runtime;

/// <summary>
/// Chooses the run mode from the configuration and the command line. Real money needs three things at once: API
/// keys, <c>Exchange:Testnet = false</c> and an explicit live switch (<c>--live</c> or <c>Exchange:Live = true</c>).
/// Anything ambiguous is a configuration error (one line, exit code 2), never a guess:
/// <list type="bullet">
/// <item><c>--offline</c> -> offline (no keys needed; combining it with <c>--live</c> or <c>--paper</c> is an error).</item>
/// <item><c>--paper</c>, or no API keys -> paper (asking for live without keys is an error).</item>
/// <item>keys and <c>Testnet = true</c> -> testnet (asking for live is an error: live needs Testnet = false).</item>
/// <item>keys, <c>Testnet = false</c> and the live switch -> live.</item>
/// <item>keys, <c>Testnet = false</c> without the live switch -> error.</item>
/// </list>
/// </summary>
public static class RunModeResolver
{
    private const string Root = SmallfishOptions.SectionName;

    /// <summary>The run mode, or <see cref="ConfigurationErrors"/> explaining why none can be chosen safely.</summary>
    public static RunMode Resolve(SmallfishOptions options, RunModeRequest request)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        ExchangeOptions exchange = options.Exchange;
        bool liveAsked = request.Live || exchange.Live;
        string venue = exchange.Name == ExchangeName.Binance ? "BINANCE" : "BYBIT";

        if (request.ReplayPath is not null && !request.Offline)
        {
            throw Error("--replay", request.ReplayPath, "a recording is replayed only with --offline");
        }

        if (request.Offline)
        {
            if (request.Live) throw Error("--offline", null, "cannot be combined with --live (offline runs never contact an exchange)");
            if (request.Paper) throw Error("--offline", null, "cannot be combined with --paper (choose one mode)");
            return RunMode.Offline;
        }

        if (request.Paper)
        {
            if (liveAsked) throw Error(request.Live ? "--live" : Root + ":Exchange:Live", request.Live ? null : "true", "cannot be combined with --paper (choose one mode)");
            return RunMode.Paper;
        }

        if (!options.Secrets.HasExchangeCredentials)
        {
            if (liveAsked)
            {
                throw Error(Root + ":Secrets:ApiKey", SecretsOptions.Redact(options.Secrets.ApiKey),
                    $"live trading needs the API key and secret ({venue}_API_KEY and {venue}_API_SECRET); without them the service runs in paper mode");
            }

            return RunMode.Paper;
        }

        if (exchange.Testnet)
        {
            if (liveAsked)
            {
                throw Error(Root + ":Exchange:Testnet", "true", $"live trading needs Testnet = false ({venue}_TESTNET=false) as well as --live or {Root}:Exchange:Live = true");
            }

            return RunMode.Testnet;
        }

        if (!liveAsked)
        {
            throw Error(Root + ":Exchange:Live", "false",
                $"Testnet = false with API keys would trade real money: confirm with --live or {Root}:Exchange:Live = true, or set {venue}_TESTNET=true, or pass --paper");
        }

        return RunMode.Live;
    }

    private static ConfigurationErrors Error(string key, string? value, string rule) => new([new ConfigurationError(key, value, rule)]);
}
