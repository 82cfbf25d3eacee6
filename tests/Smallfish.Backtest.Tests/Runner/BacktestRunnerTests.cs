using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Time;
using Smallfish.Simulation.Backtesting.Reports;
using Smallfish.Simulation.Backtesting.Runner;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Venue;

namespace Smallfish.Backtest.Tests.Runner;

public class BacktestRunnerTests
{
    private static string s_cacheRoot = null!;
    private static EventCacheEntry s_btc = null!;

    [OneTimeSetUp]
    public static void BuildCache()
    {
        s_cacheRoot = Path.Combine(Path.GetTempPath(), "smallfish-runner-" + Guid.NewGuid().ToString("N"));
        s_btc = new EventCache(s_cacheRoot).GetOrBuild(RealStreams.JulySession(RealStreams.Btc), RealStreams.Opener(RealStreams.Btc));
    }

    [OneTimeTearDown]
    public static void DeleteCache()
    {
        try
        {
            Directory.Delete(s_cacheRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Test]
    public void Run_RealBinanceDataTwice_ByteIdenticalSummaryAndRealFills()
    {
        var first = BacktestRunner.Run(Request(() => s_btc.Open()));
        var second = BacktestRunner.Run(Request(() => s_btc.Open()));

        var report = first.Reports.Single();
        Assert.Multiple(() =>
        {
            Assert.That(Summary(first), Is.EqualTo(Summary(second)));
            Assert.That(Csv(first), Is.EqualTo(Csv(second)));
            Assert.That(first.Commands, Is.EqualTo(second.Commands));
            Assert.That(report.Statistics.Events, Is.EqualTo(s_btc.Manifest.Counts.Total));
            Assert.That(report.Statistics.Trades, Is.GreaterThanOrEqualTo(5), "the script trades every 20 s over an 8-minute session");
            Assert.That(report.Statistics.TakerFills, Is.GreaterThan(0));
            Assert.That(report.Statistics.Fees, Is.GreaterThan(0m));
            Assert.That(report.Equity.Count, Is.GreaterThan(400), "1 s equity grid over 8 minutes");
            Assert.That(report.Equity[0].Equity, Is.EqualTo(1000m));
            Assert.That(report.Statistics.Exposure, Is.InRange(0.05, 0.95));
            Assert.That(report.Synthetic, Is.False);
        });
    }

    [Test]
    public void Run_EquityCurve_EndsAtStartPlusNetPnlWhenFlat()
    {
        var result = BacktestRunner.Run(Request(() => s_btc.Open()));
        var report = result.Reports.Single();
        Assume.That(result.OpenPositions, Is.Zero);
        Assert.That(report.Equity[^1].Equity, Is.EqualTo(1000m + report.Trades.Sum(t => t.NetPnl)));
    }

    [Test]
    public void Run_BacktestVersusPlainReplayOfTheRawFiles_SameDecisions()
    {
        var backtest = BacktestRunner.Run(Request(() => s_btc.Open()));
        var plain = PlainReplay(RealStreams.JulySession(RealStreams.Btc));

        Assert.Multiple(() =>
        {
            Assert.That(backtest.Commands.Count, Is.GreaterThan(10));
            Assert.That(plain, Is.EqualTo(backtest.Commands.Select(c => c.ToString()).ToList()),
                "the engine under the backtest driver (cache, runner, taps) decides exactly what it decides fed the raw files directly");
        });
    }

    // Parity hook: the plainest composition there is (raw readers -> simulated exchange -> strategy), no cache, no runner.
    private static List<string> PlainReplay(EventCacheSpec spec)
    {
        using var stream = RealStreams.Raw(spec);
        stream.TryPeekTime(out long first);
        var clock = new SimulatedClock(first);
        var instruments = new InstrumentSpec[] { RealStreams.Btc };
        var exchange = new SimulatedExchange(instruments, clock, VenueDefaults.For(ExchangeName.Binance, BookSyncMode.Binance, 1000m, 10m));
        var log = new CommandLog(exchange.Orders, clock);
        var strategy = new ScriptedStrategy(Context(clock, log));
        exchange.Connect(strategy, strategy, strategy);
        using var timer = clock.CreateTimer(_ => strategy.OnTimer(clock.NowNs), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        stream.DrainTo(exchange);
        exchange.Finish(10_000_000_000L);
        return log.Records.Select(c => c.ToString()).ToList();
    }

    private static BacktestContext Context(SimulatedClock clock, Smallfish.Core.Domain.IOrderCommands orders) => new()
    {
        Options = new SmallfishOptions(),
        Profile = "balanced",
        Clock = clock,
        Orders = orders,
        Journal = new RunJournal(),
        Symbols = ["BTCUSDT"],
        Instruments = [RealStreams.Btc],
        StartingEquity = 1000m,
        Exchange = ExchangeName.Binance,
        BookSync = BookSyncMode.Binance,
    };

    internal static BacktestRunRequest Request(Func<IOrderedEventSource> open) => new()
    {
        Profile = "balanced",
        Options = new SmallfishOptions(),
        Instruments = [RealStreams.Btc],
        OpenStream = open,
        Strategy = ScriptedStrategy.Factory(),
        StartingEquity = 1000m,
        Exchange = ExchangeName.Binance,
        Venue = VenueDefaults.For(ExchangeName.Binance, BookSyncMode.Binance, 1000m, 10m),
        BookSync = BookSyncMode.Binance,
    };

    private static byte[] Summary(BacktestRunResult result)
    {
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(stream, result.Reports);
        return stream.ToArray();
    }

    private static string Csv(BacktestRunResult result)
    {
        using var w = new StringWriter();
        TradesCsvWriter.Write(w, result.Reports);
        EquityCsvWriter.Write(w, result.Reports);
        return w.ToString();
    }
}
