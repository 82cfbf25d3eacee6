using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Core.Tests.Simulation.Synthetic;

/// <summary>
/// Each aggressive-flow episode visibly changes the raw quantity it is named for. These check the generator, not any
/// signal: a detector may still miss them, and the labels are how its detection rate gets measured.
/// </summary>
public class SyntheticOrderFlowEpisodeTests
{
    private const long Ms = 1_000_000;

    [TestCase(1)]
    [TestCase(2)]
    public void Sweep_TakesManyLevelsWithinAFewMilliseconds(long seed)
    {
        var run = SyntheticRuns.OneKind(EpisodeKind.Sweep, seed);
        var episodes = run.Episodes(EpisodeKind.Sweep).ToList();
        Assert.That(episodes, Has.Count.GreaterThanOrEqualTo(5));
        foreach (var l in episodes)
        {
            var side = l.ActiveSide!.Value;
            int levels = (int)l.Parameter("levels");
            var burst = run.Recorder.TradesIn(l.StartNs, l.StartNs + 5 * Ms).Where(t => t.Aggressor == side).ToList();
            var prices = burst.Select(t => t.PriceTicks).Distinct().ToList();
            Assert.That(prices, Has.Count.GreaterThanOrEqualTo(8), $"label {l.Id}: distinct prices in 5 ms");
            Assert.That(prices, Has.Count.GreaterThanOrEqualTo(levels), $"label {l.Id}: one price per swept level");
            Assert.That(prices.Take(levels), side == Side.Buy ? Is.Ordered.Ascending : Is.Ordered.Descending, "the sweep walks away from the touch");
            Assert.That(prices[0], Is.EqualTo(l.AnchorPriceTicks));
            Assert.That(l.Direction, Is.EqualTo(side.Sign()));
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void WhaleBurst_PrintsWellAboveTheBackgroundsLargestSizes(long seed)
    {
        var noise = SyntheticRuns.NoiseOnly(seed).Recorder.Trades.Select(t => t.QtyLots).OrderBy(q => q).ToList();
        long p99 = noise[(int)(noise.Count * 0.99)];
        var run = SyntheticRuns.OneKind(EpisodeKind.WhaleBurst, seed);
        var episodes = run.Episodes(EpisodeKind.WhaleBurst).ToList();
        Assert.That(episodes, Has.Count.GreaterThanOrEqualTo(5));
        foreach (var l in episodes)
        {
            int n = (int)l.Parameter("prints");
            var onSide = run.Recorder.TradesIn(l.StartNs, l.EndNs).Where(t => t.Aggressor == l.ActiveSide).ToList();
            var whales = onSide.OrderByDescending(t => t.QtyLots).Take(n).OrderBy(t => t.TsNs).ToList();
            Assert.That(whales, Has.Count.EqualTo(n), $"label {l.Id}");
            Assert.That(whales.Select(t => t.QtyLots), Has.All.GreaterThan(2 * p99), $"label {l.Id}: every block print is above twice the background p99");
            Assert.That(whales[^1].TsNs - whales[0].TsNs, Is.LessThanOrEqualTo(2_000 * Ms), "clustered within two seconds");
            Assert.That(whales.Select(t => t.Covered), Has.All.True, "each matched visible size");
            Assert.That(whales.Select(t => t.PriceTicks).Distinct().Count(), Is.LessThanOrEqualTo(n), "one price per block, no sweep");
        }
        // Every block print is larger than anything the background prints, in or out of episodes.
        long smallestBlock = (long)Math.Round(run.Lots(episodes.Min(l => l.Parameter("minQty"))));
        long largestNoise = run.Recorder.Trades.Where(t => run.Noise.Any(n => n.Contains(t.TsNs))).Max(t => t.QtyLots);
        Assert.That(largestNoise, Is.LessThan(smallestBlock));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Absorption_HeavySellingIntoABidThatHolds(long seed)
    {
        var noise = SyntheticRuns.NoiseOnly(seed);
        double seconds0 = noise.Generator.Options.Duration.TotalSeconds;
        var run = SyntheticRuns.OneKind(EpisodeKind.Absorption, seed);
        var episodes = run.Episodes(EpisodeKind.Absorption).ToList();
        Assert.That(episodes, Has.Count.GreaterThanOrEqualTo(4));
        foreach (var l in episodes)
        {
            var defended = l.ActiveSide!.Value;
            double seconds = l.DurationNs / 1e9;
            long into = run.Recorder.TradesIn(l.StartNs, l.EndNs).Where(t => t.Aggressor == defended.Opposite() && t.PriceTicks == l.AnchorPriceTicks).Sum(t => t.QtyLots);
            double background = noise.Recorder.Trades.Where(t => t.Aggressor == defended.Opposite()).Sum(t => t.QtyLots) / seconds0;
            Assert.That(into / seconds, Is.GreaterThan(4 * background), $"label {l.Id}: aggression into the level vs the background's same-side flow");
            var states = run.Recorder.StatesIn(l.StartNs, l.EndNs - 1).ToList();
            Assert.That(states.Select(s => s.Best(defended)), Has.All.EqualTo(l.AnchorPriceTicks), $"label {l.Id}: the defended best price never moves");
            Assert.That(run.Recorder.TradesIn(l.StartNs, l.EndNs).Select(t => t.Covered), Has.All.True, "absorption is visible size, not hidden");
            Assert.That(run.Recorder.Changes.Count(c => c.TsNs >= l.StartNs && c.TsNs < l.EndNs && c.Side == defended && c.PriceTicks == l.AnchorPriceTicks && c.DeltaLots > 0),
                Is.GreaterThanOrEqualTo(5), "refilled passively again and again");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void IcebergRefill_TradesThroughItsDisplayAgainAndAgain(long seed)
    {
        var run = SyntheticRuns.OneKind(EpisodeKind.IcebergRefill, seed);
        var episodes = run.Episodes(EpisodeKind.IcebergRefill).ToList();
        Assert.That(episodes, Has.Count.GreaterThanOrEqualTo(4));
        foreach (var l in episodes)
        {
            var side = l.ActiveSide!.Value;
            long display = (long)Math.Round(run.Lots(l.Parameter("displayQty")));
            var hits = run.Recorder.TradesIn(l.StartNs, l.EndNs).Where(t => t.Aggressor == side.Opposite() && t.PriceTicks == l.AnchorPriceTicks).ToList();
            var refills = run.Recorder.Changes.Where(c => c.TsNs >= l.StartNs && c.TsNs < l.EndNs && c.Side == side
                && c.PriceTicks == l.AnchorPriceTicks && c.NewLots == display && c.PrevLots < display).ToList();
            // The level shows what rested there before plus the display; everything traded beyond that came from hidden size.
            long shownAtStart = run.Recorder.Changes.First(c => c.TsNs >= l.StartNs && c.Side == side && c.PriceTicks == l.AnchorPriceTicks).NewLots;
            Assert.That(shownAtStart, Is.GreaterThanOrEqualTo(display));
            Assert.That(hits.Sum(t => t.QtyLots) - shownAtStart, Is.GreaterThan(10 * display), $"label {l.Id}: traded far beyond what was ever visible");
            Assert.That(refills, Has.Count.GreaterThanOrEqualTo(5), $"label {l.Id}: refilled to the display size");
            Assert.That(hits.Count(t => !t.Covered), Is.GreaterThan(0), "prints from hidden size");
            // The book as it settles each millisecond (a take and its refill go out as two deltas with one timestamp).
            var all = run.Recorder.StatesIn(l.StartNs + 1, l.EndNs - 1).ToList();
            var states = all.Where((s, i) => i + 1 == all.Count || all[i + 1].TsNs != s.TsNs).ToList();
            double atAnchor = states.Count(s => s.Best(side) == l.AnchorPriceTicks) / (double)states.Count;
            Assert.That(atAnchor, Is.GreaterThan(0.9), $"label {l.Id}: the level holds as the best price");
            Assert.That(states.Count(s => side == Side.Buy ? s.Bid < l.AnchorPriceTicks - 3 : s.Ask > l.AnchorPriceTicks + 3), Is.Zero, "never broken");
        }
    }
}
