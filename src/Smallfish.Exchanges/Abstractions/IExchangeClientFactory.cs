using Smallfish.Exchanges.Authentication;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>Builds a venue's clients from its configured name.</summary>
public interface IExchangeClientFactory
{
    /// <summary>
    /// Creates the clients of <paramref name="exchange"/> (<c>bybit</c> or <c>binance</c>, case-insensitive).
    /// <paramref name="endpoints"/> null means the venue's mainnet; tests and the emulator pass loopback URLs.
    /// </summary>
    ExchangeClients Create(string exchange, ExchangeEndpoints? endpoints, ApiCredentials? credentials, IInstrumentLookup instruments,
        RestClientOptions? restOptions = null, StreamClientOptions? streamOptions = null);
}
