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
    private const string Recording = "hftbacktest-binance-usdm/btcusdt_20240718.gz";
    private const decimal Equity = 10_000m;
    private const int MinOrders = 10;

    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task ServiceLoopAndBacktest_SameRealRecording_JournalTheSameDecisionsAndOrders()
    {
        InstrumentSpec btc = RecordedInstruments.BinanceUsdm().First(s => s.Symbol == "BTCUSDT");
        LoadedSmallfishConfiguration loaded = _dir.Load(Overrides(btc));
        SmallfishOptions options = loaded.Options;
        EventCacheEntry cache = BuildCache(btc);

        string backtestDb = await RunBacktestAsync(options, btc, cache);
        string serviceDb = await RunServiceAsync(loaded, cache);

        (List<string> btDecisions, List<string> btOrders) = Read(backtestDb);
        (List<string> svDecisions, List<string> svOrders) = Read(serviceDb);
        string? dump = System.Environment.GetEnvironmentVariable("SMALLFISH_PARITY_DUMP");
        if (!string.IsNullOrEmpty(dump))
        {
            File.WriteAllLines(dump + ".backtest.txt", btDecisions.Concat(btOrders).Concat(Fills(backtestDb)));
            File.WriteAllLines(dump + ".service.txt", svDecisions.Concat(svOrders).Concat(Fills(serviceDb)));
        }

        TestContext.Out.WriteLine($"parity: backtest {btDecisions.Count} decisions, {btOrders.Count} orders; service {svDecisions.Count} decisions, {svOrders.Count} orders");
        Assert.That(btOrders, Has.Count.GreaterThanOrEqualTo(MinOrders), "the loose profile trades in the recording (the comparison is not vacuous)");
        Assert.That(btDecisions.Count(d => d.Contains(" enter ", StringComparison.Ordinal)), Is.GreaterThan(0), "entries were decided");
        Assert.Multiple(() =>
        {
            Assert.That(FirstDifference(svDecisions, btDecisions), Is.Null, "decisions");
            Assert.That(FirstDifference(svOrders, btOrders), Is.Null, "orders");
        });
    }

    private static string? FirstDifference(List<string> service, List<string> backtest)
    {
        int n = Math.Min(service.Count, backtest.Count);
        for (int i = 0; i < n; i++)
        {
            if (service[i] != backtest[i]) return $"#{i}: service [{service[i]}] backtest [{backtest[i]}] (counts {service.Count} / {backtest.Count})";
        }

        return service.Count == backtest.Count ? null : $"counts differ: service {service.Count}, backtest {backtest.Count}; next: {(service.Count > n ? service[n] : backtest[n])}";
    }

    private static Dictionary<string, string?> Overrides(InstrumentSpec spec)
    {
        var o = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string? value) in LatencyBenchmark.BenchOverrides) o[key] = value;
        foreach ((string key, string? value) in LatencyBenchmark.ChurnOverrides) o[key] = value;
        o["Exchange:Name"] = "Binance";
        o["Symbols:0"] = spec.Symbol;
        o[$"Instruments:{spec.Symbol}:TickSize"] = spec.TickSize.ToString(CultureInfo.InvariantCulture);
        o[$"Instruments:{spec.Symbol}:QtyStep"] = spec.QtyStep.ToString(CultureInfo.InvariantCulture);
        o[$"Instruments:{spec.Symbol}:MinQty"] = spec.MinQty.ToString(CultureInfo.InvariantCulture);
        o[$"Instruments:{spec.Symbol}:MinNotional"] = spec.MinNotional.ToString(CultureInfo.InvariantCulture);
        o["Paper:StartingEquity"] = Equity.ToString(CultureInfo.InvariantCulture);
        return o;
    }

    private EventCacheEntry BuildCache(InstrumentSpec btc)
    {
        string path = Path.Combine(TestPaths.SharedData, Recording);
        List<DataFile> files = DataCatalog.Scan(Path.GetDirectoryName(path)!)
            .Where(f => f.Format == DataFormat.HftBacktestRecording && Path.GetFileName(f.Path) == Path.GetFileName(path)).ToList();
        Assert.That(files, Has.Count.EqualTo(1), "the recording is in shared/data/real");
        EventCacheSpec spec = StreamPlanner.Plan(btc.Symbol, ExchangeName.Binance, files, btc, ReplayErrorPolicy.Stop);
        return new EventCache(Path.Combine(_dir.Root, "cache")).GetOrBuild(spec, input => StreamPlanner.Open(input, btc, ReplayErrorPolicy.Stop));
    }

    private async Task<string> RunBacktestAsync(SmallfishOptions options, InstrumentSpec btc, EventCacheEntry cache)
    {
        string directory = Path.Combine(_dir.Root, "backtest");
        Directory.CreateDirectory(directory);
        SqliteJournal file = SqliteJournal.Open(new SqliteJournalOptions { DataDirectory = directory });
        try
        {
            BacktestRunner.Run(new BacktestRunRequest
            {
                Profile = "parity",
                Options = options,
                Instruments = [btc],
                OpenStream = () => cache.Open(),
                Strategy = ctx => EngineStrategy.Create(ctx with { Journal = new TeeJournal(ctx.Journal, file) }, DefaultStrategy.Signals!(ctx)),
                StartingEquity = Equity,
                Exchange = ExchangeName.Binance,
                BookSync = BookSyncMode.Binance,
                Venue = PaperVenueOptions.For(options, Equity),
                TimerIntervalNs = options.Service.EngineTimerMs * TimeProviderExtensions.NsPerMs,
            });
            await file.FlushAsync();
        }
        finally
        {
            await file.DisposeAsync();
        }

        return Path.Combine(directory, "journal.db");
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

    private static (List<string> Decisions, List<string> Orders) Read(string db)
    {
        using JournalReader reader = JournalReader.Open(db);
        var decisions = reader.ReadDecisions(0, long.MaxValue).Select(Describe).ToList();
        var orders = reader.ReadOrders().Select(Describe).ToList();
        return (decisions, orders);
    }

    private static IEnumerable<string> Fills(string db)
    {
        using JournalReader reader = JournalReader.Open(db);
        return reader.ReadAllFills().Select(f => string.Create(CultureInfo.InvariantCulture, $"fill {f}")).ToList();
    }

    private static string Describe(DecisionRecord d) => string.Create(CultureInfo.InvariantCulture,
        $"{d.TsNs} {d.Symbol} seq={d.Sequence} dir={d.Direction} conf={d.Confidence:R} gate={d.Gate} {d.Action} px={d.PriceTicks} qty={d.QtyLots} ");

    private static string Describe(JournalOrder o) => string.Create(CultureInfo.InvariantCulture,
        $"{o.SentNs} {o.Request.ClientOrderId} {o.Request.Symbol} {o.Request.Side} {o.Request.Type} {o.Request.TimeInForce} px={o.Request.PriceTicks} qty={o.Request.QtyLots} trig={o.Request.TriggerPriceTicks} ro={o.Request.ReduceOnly} {o.Request.Role}");
}
