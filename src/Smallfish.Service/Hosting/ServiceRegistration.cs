using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Service.Activity;
using Smallfish.Service.Engine;
using Smallfish.Service.Heartbeat;
using Smallfish.Service.Journal;
using Smallfish.Service.MarketData;
using Smallfish.Service.Offline;
using Smallfish.Service.Remote;
using Smallfish.Service.Status;
using Smallfish.Service.Symbols;
using Smallfish.Service.Systemd;

namespace Smallfish.Service.Hosting;

/// <summary>Registers the service's hosted services, in the order they start (they stop in reverse).</summary>
public static class ServiceRegistration
{
    /// <summary>
    /// Adds the service on top of <c>AddSmallfish</c>: the offline venue when given (first up, last down), journal, engine loop, market data, status
    /// endpoint, remote control, heartbeat, the optional in-process dashboard and, last, the systemd notifier
    /// (READY=1 when everything above has started, STOPPING=1 first on the way down). Registrations made before this
    /// call win: a trading engine's <see cref="IEngineCoreFactory"/>, a market-frame parser provider, a test clock.
    /// </summary>
    public static IServiceCollection AddSmallfishService(this IServiceCollection services, RunContext context, ISystemdNotifier notifier, bool dashboard = false,
        OfflineVenue? offline = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(notifier);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(context);
        services.AddSingleton(notifier);
        services.AddSingleton(sp => new ServiceState { StartedAtNs = sp.GetRequiredService<TimeProvider>().GetUnixTimeNs() });
        services.AddSingleton<ServiceActivity>();
        services.AddSingleton<EngineStatusTap>();
        services.AddSingleton(sp => new EngineLoop(context.Options.Service, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EngineLoop>>())
        {
            Observer = sp.GetRequiredService<EngineStatusTap>(),
        });
        services.TryAddSingleton<IEngineCoreFactory, Smallfish.Service.Trading.TradingEngineCoreFactory>();
        services.TryAddSingleton<IMarketFrameParserProvider, WireMarketFrameParserProvider>();
        services.AddExchangeClientFactory();
        services.AddSingleton<EngineRemoteViewSource>();

        if (offline is not null)
        {
            services.AddSingleton(offline);
            AddHosted<OfflineVenueService>(services);
        }

        AddHosted<JournalService>(services);
        AddHosted<EngineLoopService>(services);
        AddHosted<MarketDataService>(services);
        AddHosted<StatusService>(services);
        AddHosted<RemoteControlService>(services);
        services.AddSingleton<IServiceAlerts>(sp => sp.GetRequiredService<RemoteControlService>());
        AddHosted<HeartbeatService>(services);
        services.AddSingleton<SymbolScanState>();
        AddHosted<SymbolRescanService>(services);
        if (dashboard) AddHosted<DashboardService>(services);
        AddHosted<SystemdNotifyService>(services);
        return services;
    }

    private static void AddHosted<T>(IServiceCollection services)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<T>());
    }
}
