using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Core.Tests.Simulation.Synthetic;

public class SyntheticMarketGeneratorTests
{
    private static SyntheticMarketOptions Short(long seed) => new() { Seed = seed, Duration = TimeSpan.FromMinutes(4) };

    private static (string Hash, long Events) HashOf(SyntheticMarketOptions options)
    {
        using var sink = new SyntheticHashSink();
        new SyntheticMarketGenerator(options).Run(sink);
        return (sink.Hex(), sink.Events);
    }

    private static string LabelText(IEnumerable<EpisodeLabel> labels) => string.Join("\n", labels.Select(l =>
        $"{l.Id} {l.Kind} {l.Direction} {l.StartNs} {l.EndNs} {l.ActiveSide} {l.Intensity} {l.Regime} {l.AnchorPriceTicks} " +
        string.Join(",", l.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:R}"))));

    [Test]
    public void Run_SameSeed_ProducesByteIdenticalStream()
    {
        var a = HashOf(Short(7));
        var b = HashOf(Short(7));
        Assert.That(a.Events, Is.GreaterThan(10_000));
        Assert.That(b, Is.EqualTo(a));
    }

    [Test]
    public void Run_DifferentSeeds_ProduceDifferentStreams()
    {
        Assert.That(HashOf(Short(7)).Hash, Is.Not.EqualTo(HashOf(Short(8)).Hash));
    }

    [Test]
    public void Labels_SameSeed_AreIdenticalBeforeAndAfterTheRun()
    {
        var first = new SyntheticMarketGenerator(Short(11));
        var second = new SyntheticMarketGenerator(Short(11));
        Assert.That(LabelText(second.Labels), Is.EqualTo(LabelText(first.Labels)));

        first.Run(new SyntheticStreamRecorder(first.Options.Instrument));
        second.Run(new SyntheticStreamRecorder(second.Options.Instrument));
        Assert.That(LabelText(second.Labels), Is.EqualTo(LabelText(first.Labels)));
        Assert.That(first.Labels.Where(l => l.Kind != EpisodeKind.Noise && l.Kind != EpisodeKind.VolatilityRegimeShift).Select(l => l.AnchorPriceTicks),
            Has.All.GreaterThan(0), "every started episode but a regime shift gets an anchor price");
    }

    [Test]
    public void RunUntil_InSlices_ProducesTheSameStreamAsRun()
    {
        var options = Short(5);
        using var whole = new SyntheticHashSink();
        new SyntheticMarketGenerator(options).Run(whole);

        using var sliced = new SyntheticHashSink();
        var g = new SyntheticMarketGenerator(options);
        long t = g.StartNs;
        while (g.RunUntil(sliced, t)) t += 37_000_000; // 37 ms slices, like a venue pumping its clock
        Assert.Multiple(() =>
        {
            Assert.That(sliced.Hex(), Is.EqualTo(whole.Hex()));
            Assert.That(g.IsFinished, Is.True);
            Assert.That(g.Step(sliced), Is.False);
        });
    }

    [Test]
    public void ChangingLatency_LeavesTheMarketPathUnchanged()
    {
        var baseRun = SyntheticRuns.Record(Short(3));
        var slower = SyntheticRuns.Record(Short(3) with { Feed = new SyntheticFeedOptions { LatencyBase = TimeSpan.FromMilliseconds(40) } });
        var a = baseRun.Recorder.Trades.Select(t => (t.TsNs, t.PriceTicks, t.QtyLots, t.Aggressor));
        var b = slower.Recorder.Trades.Select(t => (t.TsNs, t.PriceTicks, t.QtyLots, t.Aggressor));
        Assert.That(b, Is.EqualTo(a));
    }

    [Test]
    public void Generator_MarksEveryStreamSynthetic()
    {
        var g = new SyntheticMarketGenerator(Short(42));
        Assert.Multiple(() =>
        {
            Assert.That(g.IsSynthetic, Is.True);
            Assert.That(g.Info.IsSynthetic, Is.True);
            Assert.That(g.Info.Label, Is.EqualTo("SYNTHETIC"));
            Assert.That(g.Info.Description, Does.StartWith("SYNTHETIC BTCUSDT seed 42").And.Contain("not market data"));
            Assert.That(g.Info.EpisodeCount, Is.EqualTo(g.Labels.Count(l => l.Kind != EpisodeKind.Noise)));
        });
    }

    [Test]
    public void Labels_AreOrderedNonOverlappingAndInsideTheStream()
    {
        var run = SyntheticRuns.AllKinds(1);
        var labels = run.Labels;
        Assert.That(labels.Select(l => l.Id), Is.EqualTo(Enumerable.Range(0, labels.Count)));
        for (int i = 0; i < labels.Count; i++)
        {
            Assert.That(labels[i].EndNs, Is.GreaterThan(labels[i].StartNs));
            Assert.That(labels[i].StartNs, Is.GreaterThanOrEqualTo(run.Generator.StartNs));
            Assert.That(labels[i].EndNs, Is.LessThanOrEqualTo(run.Generator.EndNs));
            if (i > 0) Assert.That(labels[i].StartNs, Is.GreaterThanOrEqualTo(labels[i - 1].EndNs), $"label {i} overlaps {i - 1}");
        }
        var kinds = labels.Where(l => l.Kind != EpisodeKind.Noise).Select(l => l.Kind).Distinct();
        Assert.That(kinds, Is.EquivalentTo(EpisodeKinds.All), "a 20-minute stream holds every kind (shuffled bag)");
        Assert.That(labels.Count(l => l.Kind == EpisodeKind.Noise), Is.GreaterThanOrEqualTo(labels.Count / 2 - 1), "quiet gaps are labeled Noise");
    }

    [Test]
    public void Labels_DirectionsFollowEachKindsConvention()
    {
        foreach (var l in SyntheticRuns.AllKinds(2).Labels)
        {
            int side = l.ActiveSide?.Sign() ?? 0;
            int expected = l.Kind switch
            {
                EpisodeKind.SpoofPullReplace or EpisodeKind.VwapStretch or EpisodeKind.LiquidityThinning => -side,
                EpisodeKind.Noise or EpisodeKind.VolatilityRegimeShift => 0,
                _ => side,
            };
            Assert.That(l.Direction, Is.EqualTo(expected), $"{l.Kind} label {l.Id}");
            if (l.Kind is EpisodeKind.Noise or EpisodeKind.VolatilityRegimeShift) Assert.That(l.ActiveSide, Is.Null);
            else Assert.That(l.ActiveSide, Is.Not.Null);
            if (l.Kind == EpisodeKind.VolatilityRegimeShift) Assert.That(l.Regime, Is.AnyOf("HighVolatility", "LowVolatility"));
        }
    }

    [Test]
    public void Episodes_MaxCountAndIntensity_AreHonoured()
    {
        var options = Short(9) with
        {
            Duration = TimeSpan.FromMinutes(30),
            Episodes = new SyntheticEpisodeOptions
            {
                Kinds = [EpisodeKind.WhaleBurst],
                MaxCount = 3,
                Intensity = 2,
                KindIntensity = new Dictionary<EpisodeKind, double> { [EpisodeKind.WhaleBurst] = 1.5 },
            },
        };
        var labels = new SyntheticMarketGenerator(options).Labels.Where(l => l.Kind != EpisodeKind.Noise).ToList();
        Assert.That(labels, Has.Count.EqualTo(3));
        Assert.That(labels.Select(l => l.Intensity), Has.All.EqualTo(3.0));
        Assert.That(labels.Select(l => l.Parameter("medianQty")), Has.All.EqualTo(24.0));
    }

    [Test]
    public void Generator_WorksOnAnotherInstrumentGrid()
    {
        var spec = new InstrumentSpec("ETHUSDT", 0.01m, 0.01m, 0.01m, 5m);
        var run = SyntheticRuns.Record(Short(4) with { Instrument = spec, InitialPrice = 3_100m });
        Assert.Multiple(() =>
        {
            Assert.That(run.Recorder.SyncResults.Count(r => r is not (Core.MarketData.BookSyncResult.Applied or Core.MarketData.BookSyncResult.Synced)), Is.Zero);
            Assert.That(run.Recorder.States[0].Bid, Is.EqualTo(310_000));
            Assert.That(run.Recorder.Trades, Is.Not.Empty);
        });
    }

    [Test]
    public void Constructor_InvalidOptions_ReportsEveryProblemAtOnce()
    {
        var bad = new SyntheticMarketOptions
        {
            Duration = TimeSpan.Zero,
            Background = new SyntheticBackgroundOptions { TakerOrdersPerSecond = -1, MinLevels = 80, TargetLevels = 60 },
            Episodes = new SyntheticEpisodeOptions { Kinds = [EpisodeKind.Noise], MinGap = TimeSpan.FromSeconds(9), MaxGap = TimeSpan.FromSeconds(3) },
        };
        var ex = Assert.Throws<ArgumentException>(() => _ = new SyntheticMarketGenerator(bad));
        Assert.That(ex!.Message, Does.Contain("Duration").And.Contain("TakerOrdersPerSecond").And.Contain("TargetLevels")
            .And.Contain("Kinds").And.Contain("MaxGap"));
        Assert.That(new SyntheticMarketOptions().Validate(), Is.Empty);
    }
}
