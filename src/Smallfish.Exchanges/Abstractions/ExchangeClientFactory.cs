using Microsoft.Extensions.Logging;
using Smallfish.Core.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>Default <see cref="IExchangeClientFactory"/>: picks Bybit or Binance by name and wires REST, streams and clock together.</summary>
public sealed class ExchangeClientFactory : IExchangeClientFactory
{
    private readonly IHttpClientFactory? _httpClients;
    private readonly TimeProvider _clock;
    private readonly ILoggerFactory _loggers;

    /// <summary>Creates a factory; without an <see cref="IHttpClientFactory"/> each venue gets its own HttpClient.</summary>
    public ExchangeClientFactory(IHttpClientFactory? httpClients = null, TimeProvider? clock = null, ILoggerFactory? loggers = null)
    {
        _httpClients = httpClients;
        _clock = clock ?? TimeProvider.System;
        _loggers = loggers ?? NullLoggerFactory.Instance;
    }

    /// <summary>Parses a configured venue name.</summary>
    public static ExchangeKind ParseName(string exchange) => exchange?.Trim().ToLowerInvariant() switch
    {
        "bybit" => ExchangeKind.Bybit,
        "binance" => ExchangeKind.Binance,
        _ => throw new ArgumentException($"unknown exchange '{exchange}': expected 'bybit' or 'binance'", nameof(exchange)),
    };

    /// <inheritdoc />
    public ExchangeClients Create(ExchangeOptions exchange, SecretsOptions secrets, IInstrumentLookup instruments,
        RestClientOptions? restOptions = null, StreamClientOptions? streamOptions = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(secrets);
        var rest = restOptions ?? new RestClientOptions();
        rest.RecvWindowMs = exchange.RecvWindowMs;
        rest.RequestsPerSecond = exchange.RestRequestsPerSecond;
        var credentials = secrets.HasExchangeCredentials ? new ApiCredentials(secrets.ApiKey, secrets.ApiSecret) : null;
        string name = exchange.Name == ExchangeName.Binance ? "binance" : "bybit";
        return Create(name, ExchangeEndpoints.FromOptions(exchange.GetActiveEndpoints()), credentials, instruments, rest, streamOptions);
    }

    /// <inheritdoc />
    public ExchangeClients Create(string exchange, ExchangeEndpoints? endpoints, ApiCredentials? credentials, IInstrumentLookup instruments,
        RestClientOptions? restOptions = null, StreamClientOptions? streamOptions = null)
    {
        var kind = ParseName(exchange);
        string name = kind == ExchangeKind.Bybit ? "bybit" : "binance";
        HttpClient? owned = null;
        HttpClient http;
        if (_httpClients is not null)
        {
            http = _httpClients.CreateClient(name);
        }
        else
        {
            owned = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
            http = owned;
        }
        var restLog = _loggers.CreateLogger("Smallfish.Exchanges." + name + ".Rest");
        var streamLog = _loggers.CreateLogger("Smallfish.Exchanges." + name + ".Streams");
        if (kind == ExchangeKind.Bybit)
        {
            var ep = endpoints ?? ExchangeEndpoints.BybitMainnet;
            var rest = new BybitRestClient(http, ep, credentials, instruments, restOptions, _clock, restLog);
            var streams = new BybitStreamClient(ep, credentials, instruments, streamOptions, _clock, streamLog, rest.ServerClock);
            return new ExchangeClients(kind, rest, streams) { OwnedHttpClient = owned };
        }
        else
        {
            var ep = endpoints ?? ExchangeEndpoints.BinanceMainnet;
            var rest = new BinanceRestClient(http, ep, credentials, instruments, restOptions, _clock, restLog);
            var streams = new BinanceStreamClient(ep, rest, credentials is null ? null : rest, instruments, streamOptions, _clock, streamLog);
            return new ExchangeClients(kind, rest, streams) { OwnedHttpClient = owned };
        }
    }
}
