using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>DI registration of the exchange client factory with named HTTP clients (no HttpClient timeout: the clients time calls themselves).</summary>
public static class ExchangeServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IExchangeClientFactory"/> and the <c>bybit</c> / <c>binance</c> HTTP clients.</summary>
    public static IServiceCollection AddExchangeClientFactory(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        foreach (string name in new[] { "bybit", "binance" })
        {
            services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan);
        }
        services.TryAddSingleton<IExchangeClientFactory>(sp => new ExchangeClientFactory(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        return services;
    }
}
