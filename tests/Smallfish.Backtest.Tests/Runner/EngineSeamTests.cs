using Smallfish.Backtest.Commands;
using Smallfish.Backtest.Runs;
using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Time;
using Smallfish.Simulation.Backtesting.Runner;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Venue;

namespace Smallfish.Backtest.Tests.Runner;

/// <summary>The real trading engine (EngineBuilder) behind the seam, with scripted signals standing in for the signal engine.</summary>
public class EngineSeamTests
{
    private static string s_cacheRoot = null!;
    private static EventCacheEntry s_btc = null!;
    private static SmallfishOptions s_options = null!;

    [OneTimeSetUp]
    public static void Setup()
    {
        s_cacheRoot = Path.Combine(Path.GetTempPath(), "smallfish-engine-" + Guid.NewGuid().ToString("N"));
        s_btc = new EventCache(s_cacheRoot).GetOrBuild(RealStreams.JulySession(RealStreams.Btc), RealStreams.Opener(RealStreams.Btc));
        s_options = ProfileLoader.Load(new BacktestEnvironment { Environment = new Dictionary<string, string?>() },
            new RunSettings { Exchange = ExchangeName.Binance }, TradingMode.Aggressive);
    }

    [OneTimeTearDown]
    public static void Cleanup()
    {
        try
        {
            Directory.Delete(s_cacheRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static BacktestRunRequest Request() => BacktestRunnerTests.Request(() => s_btc.Open()) with
    {
        Profile = "aggressive",
        Options = s_options,
        Strategy = ctx => EngineStrategy.Create(ctx, new ScriptedSignals()),
        Venue = VenueDefaults.For(ExchangeName.Binance, BookSyncMode.Binance, 1000m, s_options.Risk.Leverage),
    };

    [Test]
    public void Run_RealEngineOnRealData_DecidesRoutesAndIsDeterministic()
    {
        var first = BacktestRunner.Run(Request());
        var second = BacktestRunner.Run(Request());

        var report = first.Reports.Single();
        Assert.Multiple(() =>
        {
            Assert.That(first.Decisions, Is.GreaterThan(0), "the engine journaled entry decisions");
            Assert.That(first.Commands.Count(c => c.Kind == CommandKind.Place), Is.GreaterThan(0), "the engine placed orders on the simulated venue");
            Assert.That(report.Statistics.MakerFills + report.Statistics.TakerFills, Is.GreaterThan(0), "orders were filled by the venue");
            Assert.That(report.SignalWeights, Has.Count.EqualTo(13));
            Assert.That(second.Commands, Is.EqualTo(first.Commands));
            Assert.That(second.Reports.Single().Statistics, Is.EqualTo(report.Statistics));
        });
    }

    [Test]
    public void Run_RealEngine_BacktestAndPlainReplayOfTheRawFilesMakeTheSameDecisions()
    {
        var backtest = BacktestRunner.Run(Request());

        using var stream = RealStreams.Raw(RealStreams.JulySession(RealStreams.Btc));
        stream.TryPeekTime(out long first);
        var clock = new SimulatedClock(first);
        var exchange = new SimulatedExchange(new InstrumentSpec[] { RealStreams.Btc }, clock, VenueDefaults.For(ExchangeName.Binance, BookSyncMode.Binance, 1000m, s_options.Risk.Leverage));
        var log = new CommandLog(exchange.Orders, clock);
        var engine = EngineStrategy.Create(new BacktestContext
        {
            Options = s_options,
            Profile = "aggressive",
            Clock = clock,
            Orders = log,
            Journal = new RunJournal(),
            Symbols = ["BTCUSDT"],
            Instruments = [RealStreams.Btc],
            StartingEquity = 1000m,
            Exchange = ExchangeName.Binance,
            BookSync = BookSyncMode.Binance,
        }, new ScriptedSignals());
        exchange.Connect(engine, engine, engine);
        using var timer = clock.CreateTimer(_ => engine.OnTimer(clock.NowNs), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        stream.DrainTo(exchange);
        exchange.Finish(10_000_000_000L);

        Assert.That(log.Records.Select(r => r.ToString()).ToList(), Is.EqualTo(backtest.Commands.Select(r => r.ToString()).ToList()));
    }
}
