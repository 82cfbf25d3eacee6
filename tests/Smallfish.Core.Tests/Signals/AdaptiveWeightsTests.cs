using FsCheck;
using FsCheck.Fluent;
using Smallfish.Core.Configuration;
using Smallfish.Core.Signals;
using Smallfish.Core.Signals.Adaptive;

namespace Smallfish.Core.Tests.Signals;

/// <summary>The Wilson lower bound, the bounded projection and the edge tracker that adapts the weights.</summary>
public class AdaptiveWeightsTests
{
    private const long Second = 1_000_000_000;
    private const long T0 = 1_700_000_000L * Second;

    // Hand-computed: p = k/n, centre = p + z^2/2n, margin = z sqrt(p(1-p)/n + z^2/4n^2), bound = (centre - margin) / (1 + z^2/n).
    [TestCase(8, 10, 1.96, 0.4901568)]   // centre 0.99208, margin 1.96 x 0.160013 = 0.313626, / 1.38416
    [TestCase(5, 10, 1.96, 0.2365896)]   // centre 0.69208, margin 1.96 x 0.177764 = 0.348417, / 1.38416
    [TestCase(50, 100, 1.96, 0.4038298)] // centre 0.519208, margin 1.96 x 0.0509605 = 0.0998826, / 1.038416
    [TestCase(60, 100, 1.0, 0.5502532)]  // centre 0.605, margin 0.0491172, / 1.01
    [TestCase(10, 10, 1.96, 0.7224598)]  // p = 1: centre 1.19208, margin 1.96 x 0.098 = 0.19208, / 1.38416
    [TestCase(0, 10, 1.96, 0.0)]
    [TestCase(0, 0, 1.96, 0.0)]
    public void WilsonLower_HandComputed_Matches(long hits, long trials, double z, double expected)
    {
        Assert.That(WilsonBound.Lower(hits, trials, z), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void WilsonLower_SameRateMoreTrials_Tighter()
    {
        Assert.That(WilsonBound.Lower(6, 10, 1.96), Is.LessThan(WilsonBound.Lower(60, 100, 1.96)));
        Assert.That(WilsonBound.Lower(60, 100, 1.96), Is.LessThan(WilsonBound.Lower(600, 1000, 1.96)));
        Assert.That(WilsonBound.Lower(600, 1000, 1.96), Is.LessThan(0.6));
    }

    [Test]
    public void Project_WeightsWithinBounds_OnlyRescaled()
    {
        double[] w = [0.2, 0.1, 0.1];
        WeightProjection.Project(w, [true, true, true], 0.01, 0.9);

        Assert.That(w, Is.EqualTo(new[] { 0.5, 0.25, 0.25 }).Within(1e-12));
    }

    [Test]
    public void Project_OneWeightAboveMax_CappedAndTheRestShareTheRemainder()
    {
        double[] w = [0.8, 0.1, 0.1, 0.0];
        WeightProjection.Project(w, [true, true, true, false], 0.05, 0.5);

        Assert.That(w, Is.EqualTo(new[] { 0.5, 0.25, 0.25, 0.0 }).Within(1e-12));
    }

    [Test]
    public void Project_ZeroWeight_RaisedToMin()
    {
        double[] w = [0.5, 0.5, 0.0];
        WeightProjection.Project(w, [true, true, true], 0.1, 1.0);

        Assert.That(w, Is.EqualTo(new[] { 0.45, 0.45, 0.1 }).Within(1e-12));
    }

    private static double[] BaseWeights()
    {
        var s = new SignalsOptions();
        var w = new double[SignalIds.Count];
        for (int i = 0; i < w.Length; i++) w[i] = s.Get((SignalId)i).Weight;
        return w;
    }

    private static bool[] All(bool value)
    {
        var b = new bool[SignalIds.Count];
        Array.Fill(b, value);
        return b;
    }

    /// <summary>Feeds calls every second: OBI always says buy and the mid rises 3 ticks a second; every other signal is quiet.</summary>
    private static EdgeTracker RisingMarketWithOnlyObiRight(AdaptiveWeightsOptions o, int seconds)
    {
        var tracker = new EdgeTracker(o, BaseWeights(), All(true));
        var scores = new double[SignalIds.Count];
        var active = new bool[SignalIds.Count];
        scores[(int)SignalId.Obi] = 0.8;
        active[(int)SignalId.Obi] = true;
        scores[(int)SignalId.Vwap] = -0.8; // VWAP keeps fading the rise: always wrong
        active[(int)SignalId.Vwap] = true;
        for (int t = 0; t <= seconds; t++) tracker.Observe(T0 + t * Second, 640_000 + 3.0 * t, 1, scores, active);
        return tracker;
    }

    [Test]
    public void Observe_FewerOutcomesThanMinSamples_WeightsStayTheConfiguredOnes()
    {
        var o = new AdaptiveWeightsOptions { HorizonSeconds = 5, SampleSpacingSeconds = 1, MinSamples = 50 };

        EdgeTracker tracker = RisingMarketWithOnlyObiRight(o, 50); // 46 outcomes each

        Assert.That(tracker.Trials(SignalId.Obi), Is.EqualTo(46));
        Assert.That(tracker.Hits(SignalId.Obi), Is.EqualTo(46), "15 ticks in 5 s beats the 2-tick cost");
        Assert.That(tracker.Hits(SignalId.Vwap), Is.Zero);
        Assert.That(tracker.Adaptations, Is.Zero);
        Assert.That(tracker.Weights.ToArray(), Is.EqualTo(BaseWeights()).Within(1e-12));
    }

    [Test]
    public void Observe_ProvenRightAndProvenWrongSignals_WeightsMoveApartWithinBoundsSummingToOne()
    {
        var o = new AdaptiveWeightsOptions { HorizonSeconds = 5, SampleSpacingSeconds = 1, MinSamples = 50, LearningRate = 0.2 };

        EdgeTracker tracker = RisingMarketWithOnlyObiRight(o, 400);

        double[] w = tracker.Weights.ToArray();
        Assert.That(tracker.Adaptations, Is.GreaterThan(0));
        Assert.That(w[(int)SignalId.Obi], Is.GreaterThan(0.22), "proven right: up");
        Assert.That(w[(int)SignalId.Obi], Is.LessThanOrEqualTo(0.40 + 1e-12), "capped at MaxWeight");
        Assert.That(w[(int)SignalId.Vwap], Is.EqualTo(0.01).Within(1e-9), "proven wrong: down to MinWeight");
        Assert.That(w.Sum(), Is.EqualTo(1.0).Within(1e-9));
        Assert.That(w, Has.All.InRange(0.01 - 1e-12, 0.40 + 1e-12));
    }

    [Test]
    public void Observe_CallsWithinTheSpacing_SampledOnce()
    {
        var o = new AdaptiveWeightsOptions { HorizonSeconds = 30, SampleSpacingSeconds = 10 };
        var tracker = new EdgeTracker(o, BaseWeights(), All(true));
        var scores = new double[SignalIds.Count];
        var active = new bool[SignalIds.Count];
        scores[0] = 1;
        active[0] = true;

        for (int ms = 0; ms < 9_000; ms += 100) tracker.Observe(T0 + ms * 1_000_000L, 640_000, 1, scores, active);

        Assert.That(tracker.Pending(SignalId.Obi), Is.EqualTo(1));
    }

    [Test]
    public void Observe_FullRing_DropsNewCallsWithoutAllocating()
    {
        var o = new AdaptiveWeightsOptions { HorizonSeconds = 100, SampleSpacingSeconds = 1, PendingCapacity = 4 };
        var tracker = new EdgeTracker(o, BaseWeights(), All(true));
        var scores = new double[SignalIds.Count];
        var active = new bool[SignalIds.Count];
        scores[0] = 1;
        active[0] = true;
        tracker.Observe(T0, 640_000, 1, scores, active);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 1; t < 10; t++) tracker.Observe(T0 + t * Second, 640_000, 1, scores, active);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(tracker.Pending(SignalId.Obi), Is.EqualTo(4));
        Assert.That(tracker.Dropped, Is.EqualTo(6));
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Construct_DisabledSignal_HasNoWeightAndTheOthersSumToOne()
    {
        bool[] enabled = All(true);
        enabled[(int)SignalId.Ice] = false;

        var tracker = new EdgeTracker(new AdaptiveWeightsOptions(), BaseWeights(), enabled);

        Assert.That(tracker.Weights[(int)SignalId.Ice], Is.Zero);
        Assert.That(tracker.Weights.ToArray().Sum(), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void Observe_LongRandomRuns_WeightsAlwaysWithinBoundsAndSumToOne()
    {
        var gen = from seed in Gen.Choose(0, int.MaxValue)
                  from minPct in Gen.Choose(0, 5)
                  from maxPct in Gen.Choose(20, 60)
                  from learning in Gen.Choose(1, 100)
                  from disabled in Gen.Choose(-1, SignalIds.Count - 1)
                  select (seed, min: minPct / 100.0, max: maxPct / 100.0, rate: learning / 100.0, disabled);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var o = new AdaptiveWeightsOptions
            {
                HorizonSeconds = 3, SampleSpacingSeconds = 0.5, MinSamples = 10, MinWeight = t.min, MaxWeight = t.max, LearningRate = t.rate,
                PendingCapacity = 8,
            };
            bool[] enabled = All(true);
            if (t.disabled >= 0) enabled[t.disabled] = false;
            var tracker = new EdgeTracker(o, BaseWeights(), enabled);
            var rng = new Random(t.seed);
            var scores = new double[SignalIds.Count];
            var active = new bool[SignalIds.Count];
            double mid = 640_000;
            for (int step = 0; step < 3_000; step++)
            {
                mid += rng.Next(-5, 6);
                for (int i = 0; i < scores.Length; i++)
                {
                    active[i] = rng.NextDouble() < 0.3;
                    scores[i] = active[i] ? (rng.Next(2) == 0 ? -1 : 1) * rng.NextDouble() : 0;
                }
                tracker.Observe(T0 + step * 200_000_000L, mid, 1, scores, active);
                double sum = 0;
                for (int i = 0; i < scores.Length; i++)
                {
                    double w = tracker.Weights[i];
                    if (!enabled[i] ? w != 0 : w < t.min - 1e-9 || w > t.max + 1e-9) return false;
                    sum += w;
                }
                if (Math.Abs(sum - 1) > 1e-9) return false;
            }
            return tracker.Adaptations > 0;
        }).QuickCheckThrowOnFailure();
    }
}
