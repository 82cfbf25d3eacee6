using Smallfish.Simulation.Backtesting.Research;

namespace Smallfish.Core.Tests.Simulation.Backtesting;

public class SignalResearchTests
{
    private const long S = 1_000_000_000L;

    private static SignalResearchOptions OneSignal(params long[] horizons) => new() { SignalNames = ["A"], HorizonsNs = horizons };

    [Test]
    public void Complete_HandExample_IcHitAndActiveRateMatchHandValues()
    {
        var study = new SignalResearch(OneSignal(S));
        study.Add(0 * S, 100, [0.5], [true]);
        study.Add(1 * S, 101, [-0.5], [true]);
        study.Add(2 * S, 100, [0.2], [false]);
        study.Add(3 * S, 100, [-0.3], [true]);
        study.Add(4 * S, 102, [0.0], [true]);
        var r = study.Complete();
        var a = r.Signals[0];
        // rows (score, ret): (0.5, up), (-0.5, down), (0.2, flat), (-0.3, up 2 %); score ranks 4,1,3,2; return ranks 3,1,2,4
        // -> sxy 2, sxx 5, syy 5: 0.4. Hits among active, non-zero score, non-zero move: s0 yes, s1 yes, s3 no -> 2/3.
        Assert.Multiple(() =>
        {
            Assert.That(a.ActiveRate, Is.EqualTo(0.8));
            Assert.That(a.Horizons[0].Ic, Is.EqualTo(0.4).Within(1e-12));
            Assert.That(a.Horizons[0].IcSamples, Is.EqualTo(4));
            Assert.That(a.Horizons[0].HitRate, Is.EqualTo(2.0 / 3.0).Within(1e-12));
            Assert.That(a.Horizons[0].HitSamples, Is.EqualTo(3));
            Assert.That(a.Horizons[0].Label, Is.EqualTo("1s"));
            Assert.That(r.ExcludedAtEnd, Is.EqualTo(new long[] { 1 }));
        });
    }

    [Test]
    public void Complete_IrregularTimes_ForwardMidIsAsOfLookup()
    {
        // samples at 0, 0.4, 1.0, 1.5, 2.0 s; horizon 1 s:
        // 0 -> mid at 1.0 (103); 0.4 -> as of 1.4 = sample 1.0 (103); 1.0 -> 2.0 (inclusive at the end, 99);
        // 1.5 -> 2.5 is after the last sample: excluded; 2.0: excluded.
        var study = new SignalResearch(OneSignal(S));
        study.Add(0, 100, [1], [true]);
        study.Add(4 * S / 10, 110, [1], [true]);
        study.Add(S, 103, [1], [true]);
        study.Add(3 * S / 2, 50, [1], [true]);
        study.Add(2 * S, 99, [1], [true]);
        var h = study.Complete().Signals[0].Horizons[0];
        // moves: up (100->103), down (110->103), down (103->99): score +1 agrees once in three
        Assert.That(h.HitSamples, Is.EqualTo(3));
        Assert.That(h.HitRate, Is.EqualTo(1.0 / 3.0).Within(1e-12));
    }

    [Test]
    public void Complete_SameTimestampSamples_ForwardMidIsTheLastAtThatTime()
    {
        var study = new SignalResearch(OneSignal(S));
        study.Add(0, 100, [1], [true]);
        study.Add(S, 90, [1], [true]);
        study.Add(S, 110, [1], [true]); // the book changed twice at t = 1 s: the later mid is the one as of 1 s
        study.Add(3 * S, 100, [1], [true]);
        var h = study.Complete().Signals[0].Horizons[0];
        // 0 -> 110 (up, hit); both 1 s samples -> as of 2 s = 110: 90 -> 110 up (hit), 110 -> 110 flat (not counted)
        Assert.That((h.HitSamples, h.HitRate), Is.EqualTo((2L, 1.0)));
    }

    [Test]
    public void Complete_ScoreIsFutureReturn_IcIsOneAndMirrorIsMinusOne()
    {
        var mids = RandomWalk(2_000, seed: 7);
        var study = new SignalResearch(new SignalResearchOptions { SignalNames = ["GOOD", "BAD"], HorizonsNs = [S, 5 * S, 30 * S] });
        for (int i = 0; i < mids.Length; i++)
        {
            double future = i + 1 < mids.Length ? Math.Log(mids[i + 1] / mids[i]) : 0;
            study.Add(i * S, mids[i], [future, -future], [true, true]);
        }
        var r = study.Complete();
        Assert.Multiple(() =>
        {
            Assert.That(r.Signals[0].Horizons[0].Ic, Is.EqualTo(1.0).Within(1e-12));
            Assert.That(r.Signals[1].Horizons[0].Ic, Is.EqualTo(-1.0).Within(1e-12));
            Assert.That(r.Signals[0].Horizons[0].HitRate, Is.EqualTo(1.0));
            Assert.That(r.Signals[1].Horizons[0].HitRate, Is.EqualTo(0.0));
            Assert.That(r.Signals[0].Horizons[2].Ic, Is.GreaterThan(0.05).And.LessThan(0.5), "a 1 s predictor explains part of a 30 s move");
            Assert.That(r.ExcludedAtEnd, Is.EqualTo(new long[] { 1, 5, 30 }));
            Assert.That(r.Sampled, Is.False);
        });
    }

    [Test]
    public void Complete_StreamLongerThanReservoir_SampledIcStillOne()
    {
        var mids = RandomWalk(20_000, seed: 3);
        var study = new SignalResearch(new SignalResearchOptions { SignalNames = ["GOOD"], HorizonsNs = [S], ReservoirCapacity = 500 });
        for (int i = 0; i < mids.Length; i++)
        {
            double future = i + 1 < mids.Length ? Math.Log(mids[i + 1] / mids[i]) : 0;
            study.Add(i * S, mids[i], [future], [true]);
        }
        var r = study.Complete();
        Assert.That(r.Sampled, Is.True);
        Assert.That(r.Signals[0].Horizons[0].IcSamples, Is.EqualTo(500));
        Assert.That(r.Signals[0].Horizons[0].Ic, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(r.Signals[0].Horizons[0].HitSamples, Is.EqualTo(19_999), "hit counts are exact, not sampled");
    }

    [Test]
    public void Add_WindowFull_OldestUnresolvedSampleIsDroppedAndCounted()
    {
        var study = new SignalResearch(new SignalResearchOptions { SignalNames = ["A"], HorizonsNs = [30 * S], WindowCapacity = 10 });
        for (int i = 0; i < 40; i++) study.Add(i * S, 100 + i, [1], [true]);
        var r = study.Complete();
        // 40 samples one second apart, 30 s horizon, room for 10: everything but the last 10 is pushed out unresolved
        Assert.That(r.Dropped, Is.EqualTo(new long[] { 30 }));
        Assert.That(r.ExcludedAtEnd, Is.EqualTo(new long[] { 10 }));
        Assert.That(r.Signals[0].Horizons[0].HitSamples, Is.Zero);
    }

    [Test]
    public void Complete_SameStreamTwice_IdenticalResults()
    {
        SignalResearchResult Run()
        {
            var mids = RandomWalk(3_000, seed: 11);
            var study = new SignalResearch(new SignalResearchOptions { SignalNames = ["A", "B"], ReservoirCapacity = 100 });
            for (int i = 0; i < mids.Length; i++) study.Add(i * S / 2, mids[i], [Math.Sin(i), i % 3 - 1], [i % 2 == 0, true]);
            return study.Complete();
        }
        var a = Run();
        var b = Run();
        for (int s = 0; s < 2; s++)
        {
            Assert.That(a.Signals[s].Horizons, Is.EqualTo(b.Signals[s].Horizons));
        }
    }

    [Test]
    public void Add_TimeGoesBack_Throws()
    {
        var study = new SignalResearch(OneSignal(S));
        study.Add(5 * S, 100, [0], [false]);
        Assert.Throws<ArgumentException>(() => study.Add(4 * S, 100, [0], [false]));
    }

    [Test]
    public void Add_NonPositiveMid_IsCountedInvalidAndIgnored()
    {
        var study = new SignalResearch(OneSignal(S));
        study.Add(0, double.NaN, [0], [true]);
        study.Add(1, 0, [0], [true]);
        var r = study.Complete();
        Assert.That((r.Samples, r.InvalidSamples), Is.EqualTo((0L, 2L)));
        Assert.That(r.Signals[0].ActiveRate, Is.NaN);
        Assert.That(r.Signals[0].Horizons[0].Ic, Is.NaN);
    }

    [Test]
    public void Add_FusionResult_UsesItsTimeScoresAndFlags()
    {
        var study = new SignalResearch();
        var fusion = new Smallfish.Core.Signals.FusionResult { TsNs = 1 };
        fusion.Active[0] = true;
        study.Add(fusion, 100);
        var r = study.Complete();
        Assert.That(r.Signals[0].Name, Is.EqualTo("OBI"));
        Assert.That(r.Signals[0].ActiveRate, Is.EqualTo(1.0));
        Assert.That(r.Signals[1].ActiveRate, Is.Zero);
        Assert.That(r.Signals[0].Horizons.Select(h => h.Label), Is.EqualTo(new[] { "1s", "5s", "30s" }));
    }

    private static double[] RandomWalk(int n, int seed)
    {
        var rng = new Random(seed);
        var mids = new double[n];
        double m = 100;
        for (int i = 0; i < n; i++)
        {
            m *= 1 + ((rng.NextDouble() - 0.5) * 0.002);
            mids[i] = m;
        }
        return mids;
    }
}
