using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smallfish.Remote.Telegram.Client;
using Smallfish.Remote.Timing;

namespace Smallfish.Remote.Telegram;

/// <summary>Registers the Telegram client with the typed HttpClient factory.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>The name of the Telegram HttpClient.</summary>
    public const string HttpClientName = "smallfish-telegram";

    /// <summary>
    /// Adds <see cref="ITelegramClient"/> (and <see cref="TimeProvider"/> / <see cref="IAsyncDelay"/> if absent) with
    /// validated <see cref="TelegramBotOptions"/>. The HttpClient's logging handlers are removed: they log request URLs,
    /// and the bot token is part of the URL path. Timeouts are per request (the client sets them), so the HttpClient's
    /// own timeout is disabled to let long polls run.
    /// </summary>
    public static IServiceCollection AddSmallfishTelegramClient(this IServiceCollection services, Action<TelegramBotOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TelegramBotOptions>();
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramBotOptions>, TelegramBotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAsyncDelay>(sp => new TimeProviderAsyncDelay(sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.TryAddSingleton<ITelegramClient>(sp => new TelegramBotClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<TelegramBotOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IAsyncDelay>(),
            sp.GetRequiredService<ILogger<TelegramBotClient>>()));
        return services;
    }
}
