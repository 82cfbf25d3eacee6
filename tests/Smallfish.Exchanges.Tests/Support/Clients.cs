using Microsoft.Extensions.Logging;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;

namespace Smallfish.Exchanges.Tests.Support;

/// <summary>Clients pointed at the fake venues, with delays shrunk so tests take milliseconds.</summary>
internal static class Clients
{
    public static RestClientOptions FastRest() => new()
    {
        RequestTimeout = TimeSpan.FromSeconds(3),
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
        DefaultRateLimitBackoff = TimeSpan.FromMilliseconds(100),
        RequestsPerSecond = 1000,
        RequestBurst = 1000,
    };

    public static BybitRestClient Bybit(HttpClient http, FakeBybit fake, IInstrumentLookup instruments, RestClientOptions? options = null, ILogger? log = null) =>
        new(http, ExchangeEndpoints.Loopback(ExchangeKind.Bybit, fake.Server.Port), new ApiCredentials(FakeBybit.ApiKey, FakeBybit.Secret), instruments,
            options ?? FastRest(), TimeProvider.System, log, jitter: () => 0.5);

    public static BinanceRestClient Binance(HttpClient http, FakeBinance fake, IInstrumentLookup instruments, RestClientOptions? options = null, ILogger? log = null) =>
        new(http, ExchangeEndpoints.Loopback(ExchangeKind.Binance, fake.Server.Port), new ApiCredentials(FakeBinance.ApiKey, FakeBinance.Secret), instruments,
            options ?? FastRest(), TimeProvider.System, log, jitter: () => 0.5);
}
