using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.Time;
using Smallfish.Hosting;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.Systemd;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// The service's real host (same registration as the executable) on a <see cref="SimulatedClock"/>, with a
/// <see cref="FakeEngineCore"/> and a systemd notifier pointed at a test socket.
/// </summary>
internal sealed class ServiceTestHost : IAsyncDisposable
{
    private ServiceTestHost(IHost host, SimulatedClock clock, FakeEngineFactory factory)
    {
        Host = host;
        Clock = clock;
        Factory = factory;
    }

    public IHost Host { get; }

    public SimulatedClock Clock { get; }

    public FakeEngineFactory Factory { get; }

    public FakeEngineCore Engine => Factory.Engine ?? throw new InvalidOperationException("the host has not started");

    public EngineLoop Loop => Host.Services.GetRequiredService<EngineLoop>();

    public ServiceState State => Host.Services.GetRequiredService<ServiceState>();

    public static ServiceTestHost Create(ServiceDirectory directory, ISystemdNotifier notifier, IReadOnlyDictionary<string, string?>? overrides = null,
        IEnumerable<OrderRequest>? working = null)
    {
        LoadedSmallfishConfiguration loaded = directory.Load(overrides);
        var context = new RunContext(loaded.Options, RunMode.Paper, loaded.ConfigDirectory, loaded.Scrubber, new Dictionary<string, string?>());
        var clock = new SimulatedClock();
        var factory = new FakeEngineFactory(working ?? []);
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = directory.DataDirectory,
            DisableDefaults = true,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IEngineCoreFactory>(factory);
        builder.Services.AddSmallfish(loaded.Configuration);
        builder.Services.AddSmallfishService(context, notifier);
        factory.Loop = () => factory.Services!.GetRequiredService<EngineLoop>();
        IHost host = builder.Build();
        factory.Services = host.Services;
        return new ServiceTestHost(host, clock, factory);
    }

    /// <summary>Waits (bounded, real time) until the loop has taken heartbeat ping <paramref name="sequence"/>.</summary>
    public void WaitForPing(long sequence)
    {
        bool taken = SpinWait.SpinUntil(() => Loop.Counters.LastPing >= sequence, TimeSpan.FromSeconds(10));
        Assert.That(taken, Is.True, $"the engine loop did not take ping {sequence}");
    }

    public async ValueTask DisposeAsync()
    {
        Factory.Engine?.Release();
        if (Host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else Host.Dispose();
    }

    /// <summary>Builds the <see cref="FakeEngineCore"/> with the context the service gives, and wires its venue to the loop.</summary>
    internal sealed class FakeEngineFactory(IEnumerable<OrderRequest> working) : IEngineCoreFactory
    {
        public IServiceProvider? Services { get; set; }

        public Func<EngineLoop>? Loop { get; set; }

        public FakeEngineCore? Engine { get; private set; }

        public IEngineCore Create(EngineCoreContext context)
        {
            Engine = new FakeEngineCore(context.Symbols, context.Journal, context.Clock.GetUnixTimeNs(), working) { Venue = Loop!().Executions };
            return Engine;
        }
    }
}
