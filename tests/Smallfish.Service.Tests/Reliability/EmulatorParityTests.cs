using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Time;
using Smallfish.Emulator;
using Smallfish.Emulator.Feed;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.MarketData;
using Smallfish.Service.Systemd;
using Smallfish.Service.Tests.TestSupport;
using Smallfish.Service.Trading;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Fees;

namespace Smallfish.Service.Tests.Reliability;

/// <summary>
/// Issue 10, the full path (docs/reliability.md, "Parity through the emulator"): one real recording replayed through
/// the backtest and through the running service (the real Generic Host in testnet mode with keys, its Binance REST
/// and WebSocket clients pointed at the loopback venue emulator, which replays the same recording with zero latency,
/// Binance VIP 0 fees and the same starting balance), driven in lockstep on one simulated clock, must journal the same
/// decisions, the same orders and the same fills.
/// </summary>
[NonParallelizable]
public sealed class EmulatorParityTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task ServiceOnEmulatorAndBacktest_SameRealRecording_JournalTheSameDecisionsOrdersAndFills()
    {
        InstrumentSpec btc = ParityRuns.Btc();
        EventCacheEntry cache = ParityRuns.BuildCache(_dir.Root, btc);
        SmallfishOptions profile = _dir.Load(Profile(btc)).Options;

        string backtestDb = await ParityRuns.RunBacktestAsync(_dir.Root, profile, btc, () => new SubscribedStream(cache.Open()));
        string serviceDb = await RunServiceOnEmulatorAsync(btc, cache);

        ParityRuns.Dump(backtestDb, serviceDb, ".emulator");
        (List<string> btDecisions, List<string> btOrders) = ParityRuns.Read(backtestDb);
        (List<string> svDecisions, List<string> svOrders) = ParityRuns.Read(serviceDb);
        List<string> btFills = ParityRuns.Fills(backtestDb);
        List<string> svFills = ParityRuns.Fills(serviceDb);
        TestContext.Out.WriteLine($"emulator parity: backtest {btDecisions.Count} decisions, {btOrders.Count} orders, {btFills.Count} fills; " +
            $"service {svDecisions.Count} decisions, {svOrders.Count} orders, {svFills.Count} fills");
        Assert.That(btOrders, Has.Count.GreaterThanOrEqualTo(ParityRuns.MinOrders), "the loose profile trades in the recording (the comparison is not vacuous)");
        Assert.That(btFills, Is.Not.Empty, "orders filled");
        Assert.Multiple(() =>
        {
            Assert.That(ParityRuns.FirstDifference(svDecisions, btDecisions), Is.Null, "decisions");
            Assert.That(ParityRuns.FirstDifference(svOrders, btOrders), Is.Null, "orders");
            Assert.That(ParityRuns.FirstDifference(svFills, btFills), Is.Null, "fills");
        });
    }

    private async Task<string> RunServiceOnEmulatorAsync(InstrumentSpec btc, EventCacheEntry cache)
    {
        using var stream = new SubscribedStream(cache.Open());
        Assert.That(stream.TryPeekTime(out long startNs), Is.True);
        var clock = new SimulatedClock(startNs);
        SmallfishOptions profile = _dir.Load(Profile(btc)).Options;
        var emulatorOptions = new VenueEmulatorOptions
        {
            Clock = clock,
            Surfaces = EmulatorSurfaces.Binance,
            FeedBookSync = BookSyncMode.Binance,
            Fees = MakerTakerFeeModel.BinanceUsdmVip0,
            InitialBalance = ParityRuns.Equity,
            MarginCheckLeverage = profile.Risk.Leverage,
            WebSocketKeepAlive = TimeSpan.Zero,
        };
        emulatorOptions.Instruments.Add(btc);
        var feed = new DelegateFeedSource("parity: " + ParityRuns.Recording, sink =>
        {
            if (!stream.TryPeekTime(out _)) return false;
            stream.DeliverNext(sink);
            return true;
        });
        await using VenueEmulator emulator = await VenueEmulator.StartAsync(emulatorOptions, feed);
        // The service connects at the recording's book snapshot: the emulator holds that book when the service asks for it.
        Assert.That(emulator.Feed.Step(), Is.True, "the snapshot");

        ExchangeEndpoints endpoints = emulator.Endpoints(ExchangeKind.Binance);
        Dictionary<string, string?> overrides = Profile(btc);
        overrides["Exchange:Testnet"] = "true";
        overrides["Exchange:Live"] = "false";
        overrides["Exchange:RestRequestsPerSecond"] = "0"; // zero latency: the backtest does not pace its commands either
        overrides["Exchange:Binance:Testnet:RestBaseUrl"] = endpoints.RestBaseUrl.ToString().TrimEnd('/');
        overrides["Exchange:Binance:Testnet:PublicWsUrl"] = endpoints.PublicWsUrl.ToString();
        overrides["Exchange:Binance:Testnet:MarketWsUrl"] = endpoints.MarketWsUrl!.ToString();
        overrides["Exchange:Binance:Testnet:PrivateWsUrl"] = endpoints.PrivateWsUrl.ToString();
        var environment = new Dictionary<string, string?>
        {
            ["BINANCE_API_KEY"] = emulatorOptions.ApiKey,
            ["BINANCE_API_SECRET"] = emulatorOptions.ApiSecret,
        };
        LoadedSmallfishConfiguration loaded = _dir.Load(overrides, environment);
        Assert.That(loaded.Options.Secrets.HasExchangeCredentials, Is.True, "the service runs with keys");
        var context = new RunContext(loaded.Options, RunMode.Testnet, loaded.ConfigDirectory, loaded.Scrubber, environment);

        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _dir.DataDirectory,
            DisableDefaults = true,
        });
        builder.Logging.ClearProviders();
        var logs = new Smallfish.Remote.Tests.TestSupport.CapturingLoggerProvider();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSmallfish(loaded.Configuration);
        using var notifier = new SystemdNotifier(null);
        builder.Services.AddSmallfishService(context, notifier);
        using IHost host = builder.Build();
        var watch = Stopwatch.StartNew();
        await host.StartAsync();
        try
        {
            var loop = host.Services.GetRequiredService<EngineLoop>();
            var core = host.Services.GetRequiredService<EngineLoopService>().Engine as ServiceEngineCore;
            Assert.That(core, Is.Not.Null, "the real trading engine runs");
            Assert.That(core!.Gateway, Is.Not.Null, "orders go to the exchange gateway (testnet mode), not a paper venue");
            IExchangeTraffic[] traffic = [host.Services.GetRequiredService<MarketDataService>(), core];
            Assert.That(SpinWait.SpinUntil(() => loop.Counters.MarketEvents >= 1, TimeSpan.FromSeconds(20)), Is.True,
                "the service took the emulator's book snapshot\n" + Tail(logs));
            var driver = new EmulatorLockstep(emulator, loop, traffic, clock, stream, startNs, loaded.Options.Service.EngineTimerMs * TimeProviderExtensions.NsPerMs);
            await driver.SettleAsync();
            await driver.RunAsync(finishHorizonNs: 10 * TimeProviderExtensions.NsPerSecond);
            TestContext.Out.WriteLine($"lockstep: {driver.Delivered + 1} events, {driver.Drains} drains, {watch.Elapsed.TotalSeconds:F1} s; " +
                $"emulator frames {emulator.Statistics.FramesQueued}; stream left out {stream.Skipped}");
            Assert.That(loop.Counters.Faults, Is.Zero, "no input failed in the loop");
            Assert.That(loop.Counters.DroppedMarketEvents, Is.Zero, "no market event dropped");
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await host.StopAsync(stop.Token);
            string? dump = System.Environment.GetEnvironmentVariable("SMALLFISH_PARITY_DUMP");
            if (!string.IsNullOrEmpty(dump)) File.WriteAllLines(dump + ".emulator.log", logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Everything}"));
        }

        return Path.Combine(_dir.DataDirectory, "journal.db");
    }

    private static Dictionary<string, string?> Profile(InstrumentSpec btc)
    {
        Dictionary<string, string?> o = ParityRuns.Overrides(btc);
        string? extra = System.Environment.GetEnvironmentVariable("SMALLFISH_PARITY_SET");
        if (!string.IsNullOrEmpty(extra))
        {
            foreach (string kv in extra.Split(';', StringSplitOptions.RemoveEmptyEntries)) o[kv.Split('=')[0]] = kv.Split('=')[1];
        }

        return o;
    }

    private static string Tail(Smallfish.Remote.Tests.TestSupport.CapturingLoggerProvider logs) =>
        string.Join("\n", logs.Entries.TakeLast(40).Select(e => $"{e.Level} {e.Category}: {e.Everything}"));
}
