namespace Smallfish.Core.Configuration;

/// <summary>
/// The REST and WebSocket addresses of one exchange environment (mainnet or testnet). Override them to point the
/// service at the loopback venue emulator.
/// </summary>
public sealed class EndpointOptions
{
    /// <summary>REST base address, e.g. https://api.bybit.com.</summary>
    [Url("http", "https")]
    public string RestBaseUrl { get; set; } = "";

    /// <summary>Public market-data stream for the order book (Bybit: public linear; Binance: /public).</summary>
    [Url("ws", "wss")]
    public string PublicWsUrl { get; set; } = "";

    /// <summary>Public stream for trades and tickers (Bybit: the same as <see cref="PublicWsUrl"/>; Binance: /market).</summary>
    [Url("ws", "wss")]
    public string MarketWsUrl { get; set; } = "";

    /// <summary>Private stream for orders, fills and positions.</summary>
    [Url("ws", "wss")]
    public string PrivateWsUrl { get; set; } = "";
}
