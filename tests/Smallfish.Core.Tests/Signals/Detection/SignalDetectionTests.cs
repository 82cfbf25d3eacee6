using System.Globalization;
using System.Text;
using Smallfish.Core.Configuration;
using Smallfish.Core.Signals;
using Smallfish.Core.Tests.Signals.Support;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Core.Tests.Signals.Detection;

/// <summary>
/// Detection and false positives of every signal on the seeded synthetic market (SYNTHETIC, generated, not market data):
/// the generator's stream runs through the Bybit book synchronizer, the features and the signal engine with production
/// defaults. See <see cref="EpisodeDetection"/> for the definitions (an episode is detected when its signal is active in
/// the labeled direction within the episode plus 2 s; a false positive is a 10 s noise window in which the signal was
/// active either way). The thresholds were tuned on seeds 1-12 and 101-112; these tests assert on seeds 1001-1008, which
/// tuning never saw. Bar: detection at least 90 %, false positives at most 5 %, except where a signal falls short on this
/// generator (OBI, VWAP: see docs/signals.md), whose measured shortfall is asserted as it is so that it cannot silently
/// get worse.
/// </summary>
public class SignalDetectionTests
{
    private static readonly long[] Seeds = [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008];
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(30);
    private static EpisodeDetection s_detection = null!;

    [OneTimeSetUp]
    public void RunSeeds()
    {
        s_detection = new EpisodeDetection();
        foreach (long seed in Seeds)
        {
            var generator = new SyntheticMarketGenerator(Market(seed));
            var pipeline = new SignalPipeline(generator.Options.Instrument, new SmallfishOptions());
            var trace = new ActivityTrace();
            pipeline.Evaluated = p => trace.Record(p.Result);
            generator.Run(pipeline);
            Assert.That(pipeline.Sync.GapCount, Is.Zero, $"seed {seed}: the synthetic stream applies cleanly");
            s_detection.Add(generator.Labels, trace, seed, warmUntilNs: generator.StartNs + 70 * 1_000_000_000L);
        }
    }

    [Test]
    public void Rates_EverySignal_MeasuredAndPrinted()
    {
        TestContext.Out.Write(Report());
        Assert.That(s_detection.NoiseSeconds, Is.GreaterThan(3_000));
        for (int i = 0; i < SignalIds.Count; i++)
        {
            var id = (SignalId)i;
            Assert.That(s_detection.NoiseActiveShare(id), Is.InRange(0.0, 1.0), id.Name());
            if (id != SignalId.Regime) Assert.That(s_detection.Detected(id), Is.InRange(0L, s_detection.Episodes(id)), id.Name());
        }
    }

    internal static SyntheticMarketOptions Market(long seed) => new()
    {
        Seed = seed,
        Duration = Duration,
        // The first episode starts once the features are warm (their longest window is 60 s).
        Episodes = new SyntheticEpisodeOptions { FirstStart = TimeSpan.FromSeconds(75) },
    };

    private static string Report()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"SYNTHETIC seeds {string.Join(',', Seeds)}, {Duration.TotalMinutes} min each, {s_detection.NoiseSeconds:F0} s of noise");
        sb.AppendLine("signal   detected      rate   | noise windows hit   rate  | noise time active");
        for (int i = 0; i < SignalIds.Count; i++)
        {
            var id = (SignalId)i;
            string det = id == SignalId.Regime
                ? string.Create(inv, $"high {s_detection.RegimeHighDetected}/{s_detection.RegimeHighEpisodes}, low {s_detection.RegimeLowDetected}/{s_detection.RegimeLowEpisodes}")
                : string.Create(inv, $"{s_detection.Detected(id),3}/{s_detection.Episodes(id),-3}  {s_detection.DetectionRate(id),7:P1}");
            sb.AppendLine(inv, $"{id.Name(),-8} {det,-22} | {s_detection.NoiseHits(id),5}/{s_detection.NoiseWindows(id),-5} {s_detection.FalsePositiveRate(id),7:P2} | {s_detection.NoiseActiveShare(id),7:P3}");
        }
        foreach (string miss in s_detection.Misses) sb.AppendLine("  " + miss);
        return sb.ToString();
    }

    [TestCase(SignalId.Prt, 0.90)]
    [TestCase(SignalId.Umom, 0.90)]
    [TestCase(SignalId.Ltb, 0.90)]
    [TestCase(SignalId.Sweep, 0.90)]
    [TestCase(SignalId.Ice, 0.90)]
    [TestCase(SignalId.Cvd, 0.90)]
    [TestCase(SignalId.Tps, 0.90)]
    [TestCase(SignalId.Liq, 0.90)]
    [TestCase(SignalId.Mvr, 0.90)]
    [TestCase(SignalId.Absorb, 0.90)]
    [TestCase(SignalId.Obi, 0.85)]
    [TestCase(SignalId.Vwap, 0.85)]
    public void Detection_LabeledEpisodes_SignalActiveInTheLabeledDirection(SignalId id, double bar)
    {
        Assert.That(s_detection.Episodes(id), Is.GreaterThanOrEqualTo(10), "enough episodes to measure");
        Assert.That(s_detection.DetectionRate(id), Is.GreaterThanOrEqualTo(bar), $"{id.Name()}: {s_detection.Detected(id)}/{s_detection.Episodes(id)}");
    }

    [Test]
    public void Detection_VolatilityRegimeShifts_RegimeClassifiedHighOrLow()
    {
        Assert.That(s_detection.RegimeHighEpisodes + s_detection.RegimeLowEpisodes, Is.GreaterThanOrEqualTo(10));
        double rate = (double)(s_detection.RegimeHighDetected + s_detection.RegimeLowDetected) / (s_detection.RegimeHighEpisodes + s_detection.RegimeLowEpisodes);
        Assert.That(rate, Is.GreaterThanOrEqualTo(0.90));
    }

    [TestCase(SignalId.Obi)]
    [TestCase(SignalId.Prt)]
    [TestCase(SignalId.Umom)]
    [TestCase(SignalId.Ltb)]
    [TestCase(SignalId.Sweep)]
    [TestCase(SignalId.Ice)]
    [TestCase(SignalId.Vwap)]
    [TestCase(SignalId.Regime)]
    [TestCase(SignalId.Cvd)]
    [TestCase(SignalId.Tps)]
    [TestCase(SignalId.Liq)]
    [TestCase(SignalId.Mvr)]
    [TestCase(SignalId.Absorb)]
    public void FalsePositives_NoiseWindows_AtMostFivePercent(SignalId id)
    {
        Assert.That(s_detection.NoiseWindows(id), Is.GreaterThan(300));
        Assert.That(s_detection.FalsePositiveRate(id), Is.LessThanOrEqualTo(0.05), $"{id.Name()}: {s_detection.NoiseHits(id)}/{s_detection.NoiseWindows(id)}");
    }

    [Test]
    public void Replay_SameSeedTwice_IdenticalFusionResultsAtEveryEvaluation()
    {
        var runs = new List<FusionResult>[2];
        for (int run = 0; run < 2; run++)
        {
            var generator = new SyntheticMarketGenerator(Market(1001) with { Duration = TimeSpan.FromMinutes(5) });
            var options = new SmallfishOptions();
            options.AdaptiveWeights.HorizonSeconds = 5;
            options.AdaptiveWeights.SampleSpacingSeconds = 1;
            options.AdaptiveWeights.MinSamples = 10;
            options.Fusion.MinSignals = 2; // a short stream: a looser entry rule so that entries are compared too
            var pipeline = new SignalPipeline(generator.Options.Instrument, options);
            var results = new List<FusionResult>();
            pipeline.Evaluated = p =>
            {
                var copy = new FusionResult();
                p.Result.CopyTo(copy);
                results.Add(copy);
            };
            generator.Run(pipeline);
            runs[run] = results;
            Assert.That(pipeline.Signals.Symbol(0).Edge!.Adaptations, Is.GreaterThan(0), "the weights adapted during the run");
        }

        Assert.That(runs[0], Has.Count.EqualTo(runs[1].Count).And.Count.GreaterThan(10_000));
        Assert.That(runs[0].Count(r => r.WantsEntry), Is.GreaterThan(0));
        for (int i = 0; i < runs[0].Count; i++)
        {
            string? diff = SignalDeterminismTests.FirstDifference(runs[0][i], runs[1][i]);
            if (diff is not null) Assert.Fail($"evaluation {i}: {diff} differs");
        }
    }
}
