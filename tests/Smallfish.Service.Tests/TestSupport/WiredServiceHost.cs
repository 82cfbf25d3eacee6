using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Engine;
using Smallfish.Core.Time;
using Smallfish.Hosting;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Engine;
using Smallfish.Service.Heartbeat;
using Smallfish.Service.Hosting;
using Smallfish.Service.Systemd;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// The service's real host (same registration as the executable) on a <see cref="SimulatedClock"/> with a
/// <see cref="TradedEngineCore"/>: journal, engine loop, status, remote control and heartbeat as in production.
/// </summary>
internal sealed class WiredServiceHost : IAsyncDisposable
{
    private readonly SystemdNotifier _notifier;

    private WiredServiceHost(IHost host, SimulatedClock clock, RunContext context, Factory factory, SystemdNotifier notifier)
    {
        _notifier = notifier;
        Host = host;
        Clock = clock;
        Context = context;
        EngineFactory = factory;
    }

    public IHost Host { get; }

    /// <summary>Everything the service logged (for failure messages only; tests never assert on log text).</summary>
    public Smallfish.Remote.Tests.TestSupport.CapturingLoggerProvider Logs { get; private init; } = null!;

    public SimulatedClock Clock { get; }

    public RunContext Context { get; }

    private Factory EngineFactory { get; }

    public TradedEngineCore Engine => EngineFactory.Engine ?? throw new InvalidOperationException("the host has not started");

    public EngineLoop Loop => Host.Services.GetRequiredService<EngineLoop>();

    public ServiceState State => Host.Services.GetRequiredService<ServiceState>();

    public static WiredServiceHost Create(ServiceDirectory directory, IReadOnlyDictionary<string, string?> overrides, SimulatedClock clock)
    {
        LoadedSmallfishConfiguration loaded = directory.Load(overrides);
        var context = new RunContext(loaded.Options, RunMode.Paper, loaded.ConfigDirectory, loaded.Scrubber, new Dictionary<string, string?>());
        var factory = new Factory(context);
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = directory.DataDirectory,
            DisableDefaults = true,
        });
        builder.Logging.ClearProviders();
        var logs = new Smallfish.Remote.Tests.TestSupport.CapturingLoggerProvider();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IEngineCoreFactory>(factory);
        builder.Services.AddSmallfish(loaded.Configuration);
        var notifier = new SystemdNotifier(null);
        builder.Services.AddSmallfishService(context, notifier);
        return new WiredServiceHost(builder.Build(), clock, context, factory, notifier) { Logs = logs };
    }

    /// <summary>
    /// One heartbeat that publishes what the engine holds now: a ping the loop answers (bounded real-time wait), then
    /// the beat that stores the loop's snapshot in <see cref="ServiceState"/> and raises its alerts.
    /// </summary>
    public void Publish()
    {
        long before = Loop.Counters.LastPing;
        var heartbeat = Host.Services.GetRequiredService<HeartbeatService>();
        heartbeat.Beat();
        bool taken = SpinWait.SpinUntil(() => Loop.Counters.LastPing > before, TimeSpan.FromSeconds(10));
        Assert.That(taken, Is.True, "the engine loop did not answer the heartbeat");
        heartbeat.Beat();
    }

    /// <summary>Moves the run's clock on a second at a time (bounded) until <paramref name="done"/> holds: pacing and retries wait on it.</summary>
    public bool PumpUntil(Func<bool> done, int maxSeconds = 120)
    {
        for (int i = 0; i <= maxSeconds; i++)
        {
            if (SpinWait.SpinUntil(done, TimeSpan.FromMilliseconds(150))) return true;
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return done();
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            try
            {
                await Host.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Disposal below still releases what is left.
            }
        }

        if (Host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else Host.Dispose();
        _notifier.Dispose();
    }

    private sealed class Factory(RunContext context) : IEngineCoreFactory
    {
        public TradedEngineCore? Engine { get; private set; }

        public IEngineCore Create(EngineCoreContext engine)
        {
            long start = engine.Clock.GetUnixTimeNs() - 200 * TimeProviderExtensions.NsPerSecond; // the open entry is now
            Engine = new TradedEngineCore(engine.Symbols, context.Instruments[0], engine.Journal, start);
            return Engine;
        }
    }
}
