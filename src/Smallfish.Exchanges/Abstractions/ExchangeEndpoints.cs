namespace Smallfish.Exchanges.Abstractions;

/// <summary>
/// Base URLs of one venue. Kept configurable so tests and the offline venue emulator can point the same clients at
/// 127.0.0.1. Binance routes market streams by kind since 2026-04-23: high-frequency book streams on <c>/public</c>,
/// regular streams (aggTrade, markPrice, kline) on <c>/market</c>, user data on <c>/private</c>.
/// </summary>
/// <param name="RestBaseUrl">REST host, e.g. <c>https://api.bybit.com</c>.</param>
/// <param name="PublicWsUrl">Bybit: the full linear public stream URL. Binance: the <c>/public</c> route base.</param>
/// <param name="PrivateWsUrl">Bybit: the private stream URL. Binance: the <c>/private</c> route base (<c>/ws/&lt;listenKey&gt;</c> is appended).</param>
/// <param name="MarketWsUrl">Binance only: the <c>/market</c> route base. Null for Bybit.</param>
public sealed record ExchangeEndpoints(Uri RestBaseUrl, Uri PublicWsUrl, Uri PrivateWsUrl, Uri? MarketWsUrl = null)
{
    /// <summary>Bybit mainnet (bybit-v5.md section 1).</summary>
    public static ExchangeEndpoints BybitMainnet { get; } = new(
        new Uri("https://api.bybit.com"),
        new Uri("wss://stream.bybit.com/v5/public/linear"),
        new Uri("wss://stream.bybit.com/v5/private"));

    /// <summary>Bybit testnet.</summary>
    public static ExchangeEndpoints BybitTestnet { get; } = new(
        new Uri("https://api-testnet.bybit.com"),
        new Uri("wss://stream-testnet.bybit.com/v5/public/linear"),
        new Uri("wss://stream-testnet.bybit.com/v5/private"));

    /// <summary>Binance USD-M mainnet with the routed WebSocket bases (binance-usdm.md section 1).</summary>
    public static ExchangeEndpoints BinanceMainnet { get; } = new(
        new Uri("https://fapi.binance.com"),
        new Uri("wss://fstream.binance.com/public"),
        new Uri("wss://fstream.binance.com/private"),
        new Uri("wss://fstream.binance.com/market"));

    /// <summary>Endpoints from configuration (<c>Smallfish:Exchange:{Venue}:{Mainnet|Testnet}</c>).</summary>
    public static ExchangeEndpoints FromOptions(Core.Configuration.EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ExchangeEndpoints(
            new Uri(options.RestBaseUrl, UriKind.Absolute),
            new Uri(options.PublicWsUrl, UriKind.Absolute),
            new Uri(options.PrivateWsUrl, UriKind.Absolute),
            string.IsNullOrEmpty(options.MarketWsUrl) ? null : new Uri(options.MarketWsUrl, UriKind.Absolute));
    }

    /// <summary>A venue served by one loopback host (tests, the venue emulator): same paths as the real venue.</summary>
    public static ExchangeEndpoints Loopback(ExchangeKind kind, int port)
    {
        string http = $"http://127.0.0.1:{port}";
        string ws = $"ws://127.0.0.1:{port}";
        return kind == ExchangeKind.Bybit
            ? new ExchangeEndpoints(new Uri(http), new Uri(ws + "/v5/public/linear"), new Uri(ws + "/v5/private"))
            : new ExchangeEndpoints(new Uri(http), new Uri(ws + "/public"), new Uri(ws + "/private"), new Uri(ws + "/market"));
    }
}
