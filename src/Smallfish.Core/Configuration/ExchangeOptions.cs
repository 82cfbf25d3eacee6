using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>Section <c>Smallfish:Exchange</c>: which venue, which environment, and its addresses.</summary>
public sealed class ExchangeOptions
{
    /// <summary>The exchange traded (<c>bybit</c> or <c>binance</c>; <c>--exchange</c>).</summary>
    public ExchangeName Name { get; set; } = ExchangeName.Bybit;

    /// <summary>
    /// Whether the testnet is used. Defaults to true, so real money is only traded when this is set to false
    /// (BYBIT_TESTNET / BINANCE_TESTNET, for the configured exchange, map onto it).
    /// </summary>
    public bool Testnet { get; set; } = true;

    /// <summary>
    /// The second of the two switches that trade real money: with API keys present, orders go to mainnet only when
    /// <see cref="Testnet"/> is false AND this is true (or the service runs with <c>--live</c>). Testnet = false alone
    /// stops the service with a configuration error instead of guessing.
    /// </summary>
    public bool Live { get; set; }

    /// <summary>Signed-request validity window sent with every private REST call, in milliseconds (both exchanges: keep at most 5000).</summary>
    [Range(1, 60_000)]
    public int RecvWindowMs { get; set; } = 5000;

    /// <summary>
    /// Client-side REST pacing: requests per second per rate-limit key (token bucket, burst of 10). 0 turns the
    /// client's own pacing off; the venue's rate-limit answers (Retry-After, used weight) still slow the client down.
    /// </summary>
    [Range(0, 1000)]
    public double RestRequestsPerSecond { get; set; } = 10;

    /// <summary>Bybit v5 addresses (linear public stream; see protocols/bybit-v5.md).</summary>
    public VenueEndpointsOptions Bybit { get; set; } = new()
    {
        Mainnet = new()
        {
            RestBaseUrl = "https://api.bybit.com",
            PublicWsUrl = "wss://stream.bybit.com/v5/public/linear",
            MarketWsUrl = "wss://stream.bybit.com/v5/public/linear",
            PrivateWsUrl = "wss://stream.bybit.com/v5/private",
        },
        Testnet = new()
        {
            RestBaseUrl = "https://api-testnet.bybit.com",
            PublicWsUrl = "wss://stream-testnet.bybit.com/v5/public/linear",
            MarketWsUrl = "wss://stream-testnet.bybit.com/v5/public/linear",
            PrivateWsUrl = "wss://stream-testnet.bybit.com/v5/private",
        },
    };

    /// <summary>Binance USD-M futures addresses (routed /public, /market, /private streams; see protocols/binance-usdm.md).</summary>
    public VenueEndpointsOptions Binance { get; set; } = new()
    {
        Mainnet = new()
        {
            RestBaseUrl = "https://fapi.binance.com",
            PublicWsUrl = "wss://fstream.binance.com/public",
            MarketWsUrl = "wss://fstream.binance.com/market",
            PrivateWsUrl = "wss://fstream.binance.com/private",
        },
        Testnet = new()
        {
            RestBaseUrl = "https://demo-fapi.binance.com",
            PublicWsUrl = "wss://fstream.binancefuture.com",
            MarketWsUrl = "wss://fstream.binancefuture.com",
            PrivateWsUrl = "wss://fstream.binancefuture.com",
        },
    };

    /// <summary>The addresses in use: those of <see cref="Name"/> for mainnet or testnet as <see cref="Testnet"/> says.</summary>
    public EndpointOptions GetActiveEndpoints()
    {
        VenueEndpointsOptions venue = Name == ExchangeName.Binance ? Binance : Bybit;
        return Testnet ? venue.Testnet : venue.Mainnet;
    }
}
