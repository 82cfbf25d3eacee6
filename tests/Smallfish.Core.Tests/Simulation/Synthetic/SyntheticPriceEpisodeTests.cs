using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Core.Tests.Simulation.Synthetic;

/// <summary>Each price-path episode moves the mid (or its volatility) the way its label says (generator checks, not signals).</summary>
public class SyntheticPriceEpisodeTests
{
    private const long Ms = 1_000_000;

    [TestCase(1)]
    [TestCase(2)]
    public void MomentumBurst_DriftsTheMidWithOneSidedFlow(long seed)
    {
        var run = SyntheticRuns.OneKind(EpisodeKind.MomentumBurst, seed);
        var episodes = run.Episodes(EpisodeKind.MomentumBurst).ToList();
        Assert.That(episodes, Has.Count.GreaterThanOrEqualTo(5));
        foreach (var l in episodes)
        {
            double drift = l.Parameter("driftTicks");
            double moved = (run.Recorder.StateAt(l.EndNs - 1).Mid - run.Recorder.StateAt(l.StartNs - 1).Mid) * l.Direction;
            Assert.That(moved, Is.GreaterThanOrEqualTo(0.5 * drift), $"label {l.Id}: mid move in the labeled direction (drift {drift} ticks)");
            Assert.That(drift, Is.GreaterThanOrEqualTo(3 * l.Parameter("sigmaTicksPerSqrtSecond") * Math.Sqrt(l.DurationNs / 1e9)),
                "the drift is several noise units over the episode");
            var trades = run.Recorder.TradesIn(l.StartNs, l.EndNs).ToList();
            double withDrift = trades.Where(t => t.Aggressor.Sign() == l.Direction).Sum(t => t.QtyLots) / (double)trades.Sum(t => t.QtyLots);
            Assert.That(withDrift, Is.GreaterThan(0.6), $"label {l.Id}: aggressive volume share in the drift direction");
            // Sustained, not a single jump: the drift keeps going through the episode.
            double quarter = (run.Recorder.StateAt(l.StartNs + l.DurationNs / 4).Mid - run.Recorder.StateAt(l.StartNs - 1).Mid) * l.Direction;
            Assert.That(quarter, Is.LessThan(0.75 * moved), $"label {l.Id}: progress a quarter of the way in");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void VwapStretch_PushesAwayFromVwapThenReverts(long seed)
    {
        var run = SyntheticRuns.OneKind(EpisodeKind.VwapStretch, seed, minutes: 6);
        var episodes = run.Episodes(EpisodeKind.VwapStretch).ToList();
        Assert.That(episodes, Has.Count.GreaterThanOrEqualTo(5));
        foreach (var l in episodes)
        {
            int push = -l.Direction;
            double stretch = l.Parameter("stretchTicks");
            long peakNs = l.StartNs + (long)((l.Parameter("pushMs") + l.Parameter("holdMs")) * Ms);
            // VWAP of the trades from 60 s before the episode to its peak.
            var window = run.Recorder.TradesIn(l.StartNs - 60_000 * Ms, peakNs).ToList();
            double vwap = window.Sum(t => (double)t.PriceTicks * t.QtyLots) / window.Sum(t => t.QtyLots);
            double startMid = run.Recorder.StateAt(l.StartNs - 1).Mid;
            double peakMid = run.Recorder.StateAt(peakNs - 1).Mid;
            double endMid = run.Recorder.StateAt(l.EndNs - 1).Mid;
            Assert.That((peakMid - vwap) * push, Is.GreaterThan(0.6 * stretch), $"label {l.Id}: stretched from VWAP at the peak");
            Assert.That(Math.Abs(l.AnchorPriceTicks - vwap), Is.LessThan(0.5 * stretch), "the anchor is the VWAP the stretch is measured from");
            Assert.That((peakMid - vwap) * push, Is.GreaterThan(3 * l.Parameter("volUnitTicks")), $"label {l.Id}: several volatility units");
            Assert.That((endMid - vwap) * push, Is.LessThan(0.5 * (peakMid - vwap) * push), $"label {l.Id}: reverted at least half way to VWAP");
            // The push is thin: fewer aggressive orders (distinct trade ms) per second than the reversion. Volume and
            // print counts over a few seconds are ruled by the odd large print or many-maker order.
            double pushSeconds = l.Parameter("pushMs") / 1000, revertSeconds = l.Parameter("revertMs") / 1000;
            double pushRate = run.Recorder.TradesIn(l.StartNs, l.StartNs + (long)(pushSeconds * 1e9)).Select(t => t.TsNs).Distinct().Count() / pushSeconds;
            double revertRate = run.Recorder.TradesIn(l.EndNs - (long)(revertSeconds * 1e9), l.EndNs).Select(t => t.TsNs).Distinct().Count() / revertSeconds;
            Assert.That(pushRate, Is.LessThan(0.75 * revertRate), $"label {l.Id}: thin push, busier reversion");
        }
    }

    // Mean absolute mid change over 500 ms steps: realized volatility, robust to the background's heavy-tailed jumps.
    private static double MeanAbsoluteChange(SyntheticRun run, long fromNs, long toNs)
    {
        const long step = 500 * Ms;
        double sum = 0;
        int n = 0;
        for (long t = fromNs; t + step <= toNs; t += step)
        {
            sum += Math.Abs(run.Recorder.StateAt(t + step).Mid - run.Recorder.StateAt(t).Mid);
            n++;
        }
        return sum / n;
    }

    [TestCase(1)]
    [TestCase(2)]
    public void VolatilityRegimeShift_StepsRealizedVolatilityUpOrDown(long seed)
    {
        var run = SyntheticRuns.OneKind(EpisodeKind.VolatilityRegimeShift, seed, minutes: 12);
        var episodes = run.Episodes(EpisodeKind.VolatilityRegimeShift).ToList();
        Assert.That(episodes, Has.Count.GreaterThanOrEqualTo(6));
        var noise = run.Noise.ToList();
        double baseline = noise.Sum(n => MeanAbsoluteChange(run, n.StartNs, n.EndNs) * n.DurationNs) / noise.Sum(n => n.DurationNs);
        foreach (var l in episodes)
        {
            double ratio = MeanAbsoluteChange(run, l.StartNs, l.EndNs) / baseline;
            Assert.That(l.Direction, Is.Zero);
            if (l.Regime == "HighVolatility") Assert.That(ratio, Is.GreaterThan(1.8), $"label {l.Id}: high-volatility regime");
            else Assert.That(ratio, Is.LessThan(0.55), $"label {l.Id}: low-volatility regime");
        }
        Assert.That(episodes.Select(l => l.Regime).Distinct(), Is.EquivalentTo(new[] { "HighVolatility", "LowVolatility" }));
    }
}
