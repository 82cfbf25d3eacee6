using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// Lays out the episodes of a stream before it runs: after the first-start delay, kinds come from a shuffled bag (every
/// enabled kind once before any repeats), each followed by a quiet gap drawn uniformly between the configured bounds,
/// until the duration or the count runs out. Each episode draws its parameters from its own random stream.
/// </summary>
internal static class EpisodePlanner
{
    public static List<EpisodeScript> Plan(SyntheticMarketOptions o, EpisodeContext ctx)
    {
        var e = o.Episodes;
        var scripts = new List<EpisodeScript>();
        if (e.Kinds.Count == 0 || e.MaxCount == 0) return scripts;
        var rng = new SyntheticRandom(o.Seed, SyntheticStreams.Plan);
        long end = o.StartTimeNs + o.Duration.Ticks * 100;
        long t = o.StartTimeNs + e.FirstStart.Ticks * 100;
        long minGap = e.MinGap.Ticks * 100, maxGap = e.MaxGap.Ticks * 100;
        // Episode times sit on the exchange-timestamp grid, so a print at or after an episode's start is stamped inside it.
        long grid = Math.Max(1, o.Feed.ExchangeTimestampResolution.Ticks * 100);
        var bag = new List<EpisodeKind>();
        while (true)
        {
            t = (t + grid - 1) / grid * grid;
            if (t >= end) break;
            if (bag.Count == 0) Refill(bag, e.Kinds, rng);
            var kind = bag[^1];
            bag.RemoveAt(bag.Count - 1);
            var script = Create(kind, t, e.IntensityFor(kind), new SyntheticRandom(o.Seed, SyntheticStreams.EpisodeBase + (ulong)scripts.Count), ctx);
            script.AlignEnd(grid);
            if (script.EndNs >= end) break;
            scripts.Add(script);
            if (e.MaxCount is int max && scripts.Count >= max) break;
            t = script.EndNs + minGap + rng.NextLong(maxGap - minGap + 1);
        }
        return scripts;
    }

    public static EpisodeScript Create(EpisodeKind kind, long startNs, double intensity, SyntheticRandom rng, EpisodeContext ctx) => kind switch
    {
        EpisodeKind.SpoofPullReplace => new SpoofPullReplaceEpisode(startNs, intensity, rng, ctx),
        EpisodeKind.IcebergRefill => new IcebergRefillEpisode(startNs, intensity, rng, ctx),
        EpisodeKind.Sweep => new SweepEpisode(startNs, intensity, rng, ctx),
        EpisodeKind.WhaleBurst => new WhaleBurstEpisode(startNs, intensity, rng, ctx),
        EpisodeKind.Absorption => new AbsorptionEpisode(startNs, intensity, rng, ctx),
        EpisodeKind.MomentumBurst => new MomentumBurstEpisode(startNs, intensity, rng, ctx),
        EpisodeKind.VwapStretch => new VwapStretchEpisode(startNs, intensity, rng, ctx),
        EpisodeKind.VolatilityRegimeShift => new VolatilityRegimeShiftEpisode(startNs, intensity, rng, ctx),
        EpisodeKind.ImbalanceBuild => new ImbalanceBuildEpisode(startNs, intensity, rng, ctx),
        EpisodeKind.LiquidityThinning => new LiquidityThinningEpisode(startNs, intensity, rng, ctx),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an injectable episode kind"),
    };

    private static void Refill(List<EpisodeKind> bag, IReadOnlyList<EpisodeKind> kinds, SyntheticRandom rng)
    {
        bag.AddRange(kinds);
        for (int i = bag.Count - 1; i > 0; i--)
        {
            int j = (int)rng.NextLong(i + 1);
            (bag[i], bag[j]) = (bag[j], bag[i]);
        }
    }
}
