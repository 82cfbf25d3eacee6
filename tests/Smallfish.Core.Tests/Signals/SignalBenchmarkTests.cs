using Smallfish.Core.Configuration;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Benchmarks;
using Smallfish.Simulation.Replay;

namespace Smallfish.Core.Tests.Signals;

/// <summary>
/// The hot path of the decision pipeline (book, features, the 13 scorers, fusion, adaptive weights) allocates nothing per
/// event in steady state, on a real Binance BTCUSDT session through the benchmark hook that <c>smallfish-backtest bench</c>
/// prints. Time is printed, never asserted.
/// </summary>
public class SignalBenchmarkTests
{
    [Test]
    public void Measure_RealBinanceSession_ZeroBytesPerEventAfterWarmUp()
    {
        var session = HftBacktestSession.Discover(Path.Combine(RepoPaths.RealData, "hftbacktest-binance-usdm"))
            .First(s => s.Symbol == "BTCUSDT" && s.Files.Count == 2);
        var events = SignalPipelineEvents.FromHftBacktest(session);

        SignalBenchmarkResult r = SignalBenchmark.Measure(events, new SmallfishOptions(), repeat: 1);

        TestContext.Out.WriteLine($"{r.Name}: {r.EventsPerPass} events/pass; book+features {r.FeaturesNsPerEvent:F0} ns/event, 13 signals+fusion alone {r.SignalsNsPerEvent:F0} ns/event, whole {r.PipelineNsPerEvent:F0} ns/event; {r.PipelineBytesPerEvent} B/event; {r.EntriesPerPass} evaluations wanted an entry");
        Assert.That(r.EventsPerPass, Is.EqualTo(3_326 + 1 + 5_696 + 974 + 9_727));
        Assert.That(r.FeaturesBytesPerEvent, Is.Zero);
        Assert.That(r.SignalsBytesPerEvent, Is.Zero);
        Assert.That(r.PipelineBytesPerEvent, Is.Zero);
        Assert.That(r.EntriesPerPass, Is.GreaterThan(0), "the signals ran and some evaluations passed the balanced entry rule");
    }
}
