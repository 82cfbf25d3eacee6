using Smallfish.Core.Configuration;
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

    /// <summary>
    /// Creates the clients the configuration names: venue, mainnet or testnet endpoints (overridable to point at the
    /// loopback emulator), receive window, and the API key from the secrets (public data only when none is set).
    /// </summary>
    ExchangeClients Create(ExchangeOptions exchange, SecretsOptions secrets, IInstrumentLookup instruments,
        RestClientOptions? restOptions = null, StreamClientOptions? streamOptions = null);
}
