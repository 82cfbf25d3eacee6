using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Core.Tests.Simulation.Synthetic;

/// <summary>Each resting-liquidity episode visibly changes the book the way its label says (generator checks, not signals).</summary>
public class SyntheticBookEpisodeTests
{
    private const long Ms = 1_000_000;

    private readonly record struct SpoofCycle(RecordedChange Add, RecordedChange Pull);

    private static double Median(IEnumerable<long> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    // Large adds a few ticks behind the touch, each paired with a large removal at the same price within a second
    // (a spoofer's hold is at most 0.9 s).
    private static List<SpoofCycle> SpoofCycles(SyntheticRun run, Side side, long fromNs, long toNs, double minLots)
    {
        var changes = run.Recorder.Changes.Where(c => c.Side == side && c.TsNs >= fromNs && c.TsNs < toNs).ToList();
        var cycles = new List<SpoofCycle>();
        for (int i = 0; i < changes.Count; i++)
        {
            var add = changes[i];
            if (add.DeltaLots < minLots || add.DistanceAfter < 1 || add.DistanceAfter > 6) continue;
            for (int j = i + 1; j < changes.Count; j++)
            {
                var c = changes[j];
                if (c.PriceTicks != add.PriceTicks) continue;
                if (c.TsNs - add.TsNs > 1_000 * Ms) break;
                if (c.DeltaLots > -minLots) continue;
                cycles.Add(new SpoofCycle(add, c));
                break;
            }
        }
        return cycles;
    }

    [TestCase(1)]
    [TestCase(2)]
    public void SpoofPullReplace_LargeSizeIsAddedAndPulledNearTheTouchWithoutTrading(long seed)
    {
        var run = SyntheticRuns.OneKind(EpisodeKind.SpoofPullReplace, seed);
        var episodes = run.Episodes(EpisodeKind.SpoofPullReplace).ToList();
        Assert.That(episodes, Has.Count.GreaterThanOrEqualTo(4));
        double episodeSeconds = 0, episodeCycles = 0;
        foreach (var l in episodes)
        {
            var fake = l.ActiveSide!.Value;
            double minLots = 0.5 * run.Lots(l.Parameter("spoofQty"));
            var cycles = SpoofCycles(run, fake, l.StartNs, l.EndNs, minLots);
            Assert.That(cycles, Has.Count.GreaterThanOrEqualTo(4), $"label {l.Id}: add-and-pull cycles");
            foreach (var c in cycles)
            {
                int tradedThere = run.Recorder.Trades.Count(t => t.Seq > c.Add.Seq && t.Seq < c.Pull.Seq && t.PriceTicks == c.Add.PriceTicks && t.Aggressor == fake.Opposite());
                Assert.That(tradedThere, Is.Zero, $"label {l.Id}: spoof size at {c.Add.PriceTicks} traded before it was pulled");
            }
            Assert.That(cycles[0].Add.PriceTicks, Is.EqualTo(l.AnchorPriceTicks));
            Assert.That(l.Direction, Is.EqualTo(-fake.Sign()), "the label fades the fake pressure");
            episodeSeconds += l.DurationNs / 1e9;
            episodeCycles += cycles.Count;
        }
        // The same pattern is (nearly) absent from the quiet stretches of the same stream.
        double noiseSeconds = 0, noiseCycles = 0;
        foreach (var n in run.Noise)
        {
            noiseSeconds += n.DurationNs / 1e9;
            noiseCycles += SpoofCycles(run, Side.Buy, n.StartNs, n.EndNs, 0.5 * run.Lots(25)).Count
                + SpoofCycles(run, Side.Sell, n.StartNs, n.EndNs, 0.5 * run.Lots(25)).Count;
        }
        Assert.That(noiseCycles / noiseSeconds, Is.LessThan(0.05 * episodeCycles / episodeSeconds));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ImbalanceBuild_DepthPilesUpOnOneSideAheadOfAMoveThatWay(long seed)
    {
        var run = SyntheticRuns.OneKind(EpisodeKind.ImbalanceBuild, seed);
        var episodes = run.Episodes(EpisodeKind.ImbalanceBuild).ToList();
        Assert.That(episodes, Has.Count.GreaterThanOrEqualTo(5));
        foreach (var l in episodes)
        {
            var heavy = l.ActiveSide!.Value;
            var start = run.Recorder.StateAt(l.StartNs - 1);
            var built = run.Recorder.StateAt(l.StartNs + (long)(l.Parameter("buildMs") * Ms) - 1);
            var end = run.Recorder.StateAt(l.EndNs - 1);
            Assert.That(built.Depth5(heavy) - start.Depth5(heavy), Is.GreaterThan(0.7 * run.Lots(l.Parameter("minBuildQty"))),
                $"label {l.Id}: heavy-side depth within 5 ticks grew");
            Assert.That(built.Depth5(heavy), Is.GreaterThan(2 * built.Depth5(heavy.Opposite())), $"label {l.Id}: book imbalance toward the heavy side");
            Assert.That((end.Mid - start.Mid) * l.Direction, Is.GreaterThanOrEqualTo(2), $"label {l.Id}: the price moved toward the heavy side");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void LiquidityThinning_DepthNearTheTouchDrainsOnOneSide(long seed)
    {
        var run = SyntheticRuns.OneKind(EpisodeKind.LiquidityThinning, seed);
        var episodes = run.Episodes(EpisodeKind.LiquidityThinning).ToList();
        Assert.That(episodes, Has.Count.GreaterThanOrEqualTo(5));
        double signedMove = 0;
        foreach (var l in episodes)
        {
            var thin = l.ActiveSide!.Value;
            var before = run.Recorder.StatesIn(l.StartNs - 10_000 * Ms, l.StartNs).ToList();
            var late = run.Recorder.StatesIn(l.StartNs + l.DurationNs * 6 / 10, l.EndNs).ToList();
            // Medians: one big level drifting into the window must not decide the comparison.
            double thinBefore = Median(before.Select(s => s.Depth10(thin))), thinLate = Median(late.Select(s => s.Depth10(thin)));
            double otherLate = Median(late.Select(s => s.Depth10(thin.Opposite())));
            Assert.That(thinLate, Is.LessThan(0.5 * thinBefore), $"label {l.Id}: depth within 10 ticks on the thin side");
            Assert.That(thinLate, Is.LessThan(0.5 * otherLate), $"label {l.Id}: thin side vs the other side");
            signedMove += (run.Recorder.StateAt(l.EndNs - 1).Mid - run.Recorder.StateAt(l.StartNs - 1).Mid) * l.Direction;
        }
        Assert.That(signedMove, Is.GreaterThan(0), "on balance the price moves toward the thin side");
    }
}
