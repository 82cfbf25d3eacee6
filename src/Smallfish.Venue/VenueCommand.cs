using System.CommandLine;
using Smallfish.Emulator;

namespace Smallfish.Venue;

/// <summary>The <c>smallfish-venue</c> command line (System.CommandLine 2.0).</summary>
public static class VenueCommand
{
    /// <summary>Environment variable that supplies the API key when <c>--api-key</c> is not given.</summary>
    public const string ApiKeyVariable = "SMALLFISH_VENUE_API_KEY";

    /// <summary>Environment variable that supplies the API secret when <c>--api-secret</c> is not given.</summary>
    public const string ApiSecretVariable = "SMALLFISH_VENUE_API_SECRET";

    /// <summary>Builds the root command.</summary>
    public static RootCommand Create()
    {
        var defaults = new VenueEmulatorOptions();
        var exchange = new Option<string>("--exchange")
        {
            Description = "Protocols to serve: bybit, binance or both (one venue and one account behind both)",
            DefaultValueFactory = _ => "both",
        };
        exchange.AcceptOnlyFromAmong("bybit", "binance", "both");
        var host = new Option<string>("--host") { Description = "Address to bind (loopback only unless --allow-non-loopback)", DefaultValueFactory = _ => "127.0.0.1" };
        var allow = new Option<bool>("--allow-non-loopback") { Description = "Allow binding a non-loopback address (no TLS, no rate limits: trusted networks only)" };
        var port = new Option<int>("--port") { Description = "Port to bind; 0 picks a free one (printed at start)", DefaultValueFactory = _ => 0 };
        var synthetic = new Option<bool>("--synthetic")
        {
            Description = "Feed the venue from the seeded SYNTHETIC market generator (generated, not market data). The default when --replay is not given",
        };
        var seed = new Option<long>("--seed") { Description = "Seed of the synthetic market (same seed, same stream)", DefaultValueFactory = _ => 1 };
        var symbol = new Option<string>("--symbol") { Description = "Synthetic symbol (BTCUSDT-like grid: tick 0.1, step 0.001)", DefaultValueFactory = _ => "BTCUSDT" };
        var price = new Option<decimal>("--price") { Description = "Synthetic start price", DefaultValueFactory = _ => 64_000m };
        var minutes = new Option<int>("--minutes") { Description = "Synthetic stream length in exchange minutes", DefaultValueFactory = _ => 24 * 60 };
        var replay = new Option<FileInfo>("--replay")
        {
            Description = "Replay a real recording instead: hftbacktest Binance USD-M <symbol>_<yyyyMMdd>.gz (later days of the session follow) or a cryptofeed Bybit v5 BYBIT*.jsonl.gz capture",
        };
        replay.AcceptExistingOnly();
        var speed = new Option<double>("--speed") { Description = "Pace of the feed: 1 = real time, 10 = ten times faster, 0 = as fast as the venue takes it", DefaultValueFactory = _ => 1.0 };
        var apiKey = new Option<string?>("--api-key") { Description = $"The account's API key (default: ${ApiKeyVariable}, else the built-in test key)" };
        var apiSecret = new Option<string?>("--api-secret") { Description = $"The account's API secret (default: ${ApiSecretVariable}, else the built-in test secret); never printed" };
        var balance = new Option<decimal>("--balance") { Description = "Starting wallet balance, USDT", DefaultValueFactory = _ => defaults.InitialBalance };

        var root = new RootCommand(
            "smallfish-venue: a loopback exchange emulator speaking Bybit v5 and Binance USD-M REST and WebSocket, backed by the simulated venue " +
            "(the backtest's fill model) and a synthetic or replayed market. Point clients at the printed URLs with the same key and secret.")
        {
            exchange, host, allow, port, synthetic, seed, symbol, price, minutes, replay, speed, apiKey, apiSecret, balance,
        };
        root.Validators.Add(result =>
        {
            if (result.GetValue(synthetic) && result.GetValue(replay) is not null) result.AddError("--synthetic and --replay exclude each other");
        });
        speed.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() < 0) r.AddError("--speed must be >= 0");
        });
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--port must be within 0..65535");
        });
        minutes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--minutes must be at least 1");
        });
        root.SetAction((parse, ct) =>
        {
            var settings = new VenueSettings(
                parse.GetValue(exchange) switch { "bybit" => EmulatorSurfaces.Bybit, "binance" => EmulatorSurfaces.Binance, _ => EmulatorSurfaces.Both },
                parse.GetValue(host)!,
                parse.GetValue(port),
                parse.GetValue(allow),
                parse.GetValue(replay)?.FullName,
                parse.GetValue(seed),
                parse.GetValue(symbol)!.ToUpperInvariant(),
                parse.GetValue(price),
                TimeSpan.FromMinutes(parse.GetValue(minutes)),
                parse.GetValue(speed),
                parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable) ?? defaults.ApiKey,
                parse.GetValue(apiSecret) ?? Environment.GetEnvironmentVariable(ApiSecretVariable) ?? defaults.ApiSecret,
                parse.GetValue(balance));
            return VenueRunner.RunAsync(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return root;
    }
}
