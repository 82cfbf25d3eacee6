namespace Smallfish.Exchanges.Abstractions;

/// <summary>One public stream of one symbol.</summary>
/// <param name="Symbol">Exchange symbol, upper case (Binance stream names are lower-cased by the client).</param>
/// <param name="Channel">Which stream.</param>
/// <param name="Depth">Book depth for <see cref="MarketChannel.OrderBook"/> on Bybit (1, 50, 200 or 1000); ignored elsewhere.</param>
public sealed record MarketSubscription(string Symbol, MarketChannel Channel, int Depth = 50);
