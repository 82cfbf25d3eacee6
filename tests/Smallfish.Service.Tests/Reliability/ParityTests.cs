using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Backtest.Data;
using Smallfish.Backtest.Runs;
using Smallfish.Core.Configuration;
using Smallfish.Core.Engine;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.Reading;
using Smallfish.Service.Bench;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.Journal;
using Smallfish.Service.Tests.TestSupport;
using Smallfish.Service.Trading;
using Smallfish.Simulation.Backtesting.Runner;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Venue;

namespace Smallfish.Service.Tests.Reliability;

/// <summary>
/// Service-wiring parity (docs/reliability.md, "Parity"): one real recording replayed through the backtest
/// (<see cref="BacktestRunner"/> with the default engine strategy) and through the service's own engine path (the
/// <see cref="EngineLoop"/> running the <see cref="ServiceEngineCore"/> that <see cref="TradingEngineCoreFactory"/>
/// builds in paper mode, journaling into the service's SQLite journal), the service on a simulated clock fed in lockstep,
/// must journal the same decisions and the same orders.
/// </summary>
[NonParallelizable]
public sealed class ParityTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task ServiceLoopAndBacktest_SameRealRecording_JournalTheSameDecisionsAndOrders()
    {
        InstrumentSpec btc = ParityRuns.Btc();
        LoadedSmallfishConfiguration loaded = _dir.Load(ParityRuns.Overrides(btc));
        SmallfishOptions options = loaded.Options;
        EventCacheEntry cache = ParityRuns.BuildCache(_dir.Root, btc);

        string backtestDb = await ParityRuns.RunBacktestAsync(_dir.Root, options, btc, () => cache.Open());
        string serviceDb = await RunServiceAsync(loaded, cache);

        (List<string> btDecisions, List<string> btOrders) = ParityRuns.Read(backtestDb);
        (List<string> svDecisions, List<string> svOrders) = ParityRuns.Read(serviceDb);
        ParityRuns.Dump(backtestDb, serviceDb);

        TestContext.Out.WriteLine($"parity: backtest {btDecisions.Count} decisions, {btOrders.Count} orders; service {svDecisions.Count} decisions, {svOrders.Count} orders");
        Assert.That(btOrders, Has.Count.GreaterThanOrEqualTo(ParityRuns.MinOrders), "the loose profile trades in the recording (the comparison is not vacuous)");
        Assert.That(btDecisions.Count(d => d.Contains(" enter ", StringComparison.Ordinal)), Is.GreaterThan(0), "entries were decided");
        Assert.Multiple(() =>
        {
            Assert.That(ParityRuns.FirstDifference(svDecisions, btDecisions), Is.Null, "decisions");
            Assert.That(ParityRuns.FirstDifference(svOrders, btOrders), Is.Null, "orders");
        });
    }

    private async Task<string> RunServiceAsync(LoadedSmallfishConfiguration loaded, EventCacheEntry cache)
    {
        SmallfishOptions options = loaded.Options;
        var context = new RunContext(options, RunMode.Paper, loaded.ConfigDirectory, loaded.Scrubber, new Dictionary<string, string?>());
        using RecordingEventSource source = cache.Open();
        Assert.That(source.TryPeekTime(out long firstNs), Is.True);
        var clock = new SimulatedClock(firstNs);
        var journal = new JournalService(context, clock, NullLoggerFactory.Instance);
        await journal.StartAsync(CancellationToken.None);
        var loop = new EngineLoop(options.Service, clock, NullLogger<EngineLoop>.Instance);
        var factory = new TradingEngineCoreFactory(context, loop, journal, new ExchangeClientFactory(), NullLoggerFactory.Instance);
        IEngineCore core = await factory.CreateAsync(new EngineCoreContext(options, RunMode.Paper, clock, journal.EngineJournal, journal.RunId,
            context.Symbols, context.Instruments), CancellationToken.None);
        Assert.That(core, Is.InstanceOf<ServiceEngineCore>());
        loop.Start(core);
        try
        {
            var replay = new LockstepReplay(loop, clock, firstNs, options.Service.EngineTimerMs * TimeProviderExtensions.NsPerMs);
            await replay.RunAsync(source, finishHorizonNs: 10 * TimeProviderExtensions.NsPerSecond);
            Assert.That(loop.Counters.Faults, Is.Zero, "no input failed in the loop");
            Assert.That(loop.Counters.MarketEvents, Is.EqualTo(replay.Delivered), "every event reached the engine (none dropped)");
        }
        finally
        {
            await loop.DisposeAsync();
            await journal.StopAsync(CancellationToken.None);
        }

        return Path.Combine(_dir.DataDirectory, "journal.db");
    }
}
