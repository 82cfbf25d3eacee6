using FsCheck;
using FsCheck.Fluent;
using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals;
using Smallfish.Core.Signals.Fusion;
using Smallfish.Core.Tests.Signals.Support;

namespace Smallfish.Core.Tests.Signals;

/// <summary>Explainability, the confidence's definition and range, and the quality gate.</summary>
public class FusionRuleTests
{
    private static double[] DefaultWeights()
    {
        var s = new SignalsOptions();
        var w = new double[SignalIds.Count];
        for (int i = 0; i < w.Length; i++) w[i] = s.Get((SignalId)i).Weight;
        return w;
    }

    private static FusionResult Result(params (SignalId Id, double Score, bool Active)[] signals)
    {
        var r = new FusionResult();
        foreach (var (id, score, active) in signals)
        {
            r.Scores[(int)id] = score;
            r.Active[(int)id] = active;
        }
        return r;
    }

    [Test]
    public void Fuse_MixedSignals_ContributionsAreWeightTimesScoreOfActiveOnesAndSumToTheFusedScore()
    {
        double[] w = DefaultWeights();
        FusionResult r = Result((SignalId.Obi, 0.8, true), (SignalId.Prt, -0.5, true), (SignalId.Umom, 0.2, false), (SignalId.Vwap, -0.9, true));

        SignalFusion.Fuse(r, w, FeatureKit.Calm(), VolatilityRegime.Normal, new FusionOptions());

        Assert.Multiple(() =>
        {
            Assert.That(r.Contributions[(int)SignalId.Obi], Is.EqualTo(0.22 * 0.8).Within(1e-15));
            Assert.That(r.Contributions[(int)SignalId.Prt], Is.EqualTo(0.10 * -0.5).Within(1e-15));
            Assert.That(r.Contributions[(int)SignalId.Umom], Is.Zero, "inactive signals explain nothing");
            Assert.That(r.Contributions[(int)SignalId.Vwap], Is.EqualTo(0.05 * -0.9).Within(1e-15));
            Assert.That(r.Contributions.Sum(), Is.EqualTo(r.FusedScore).Within(1e-15));
            Assert.That(r.ActiveWeight, Is.EqualTo(0.22 + 0.10 + 0.05).Within(1e-15));
            Assert.That(r.Confidence, Is.EqualTo(Math.Abs(0.176 - 0.05 - 0.045) / 0.37).Within(1e-12));
            Assert.That(r.Direction, Is.EqualTo(1));
            Assert.That(r.ActiveCount, Is.EqualTo(3));
            Assert.That(r.AgreeingCount, Is.EqualTo(1));
            Assert.That(r.Weights, Is.EqualTo(w));
            Assert.That(r.Scores[(int)SignalId.Umom], Is.EqualTo(0.2), "inactive scores are still reported");
        });
    }

    [Test]
    public void Fuse_NothingActive_NoDirectionZeroConfidenceNoEntry()
    {
        FusionResult r = Result((SignalId.Obi, 0.2, false));

        SignalFusion.Fuse(r, DefaultWeights(), FeatureKit.Calm(), VolatilityRegime.Normal, new FusionOptions { MinSignals = 1, EnterConfidence = 0.01 });

        Assert.That((r.Direction, r.Confidence, r.ActiveCount, r.WantsEntry), Is.EqualTo((0, 0.0, 0, false)));
    }

    [Test]
    public void Fuse_ActiveSignalWithoutWeight_TakesNoPart()
    {
        double[] w = DefaultWeights();
        w[(int)SignalId.Ice] = 0;
        FusionResult r = Result((SignalId.Ice, 1.0, true), (SignalId.Obi, 0.5, true));

        SignalFusion.Fuse(r, w, FeatureKit.Calm(), VolatilityRegime.Normal, new FusionOptions());

        Assert.That(r.Active[(int)SignalId.Ice], Is.False);
        Assert.That(r.ActiveCount, Is.EqualTo(1));
        Assert.That(r.Confidence, Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Fuse_RandomScoresAndWeights_ConfidenceInUnitRangeAndContributionsExplainTheScore()
    {
        var gen = from scores in Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(x => x / 1000.0), SignalIds.Count)
                  from active in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), SignalIds.Count)
                  from weights in Gen.ArrayOf(Gen.Choose(0, 1000).Select(x => x / 1000.0), SignalIds.Count)
                  select (scores, active, weights);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var r = new FusionResult();
            Array.Copy(t.scores, r.Scores, SignalIds.Count);
            Array.Copy(t.active, r.Active, SignalIds.Count);
            SignalFusion.Fuse(r, t.weights, FeatureKit.Calm(), VolatilityRegime.Normal, new FusionOptions());
            double sum = 0;
            foreach (double c in r.Contributions) sum += c;
            return r.Confidence >= 0 && r.Confidence <= 1
                && Math.Abs(sum - r.FusedScore) < 1e-12
                && Math.Abs(r.FusedScore) <= r.ActiveWeight + 1e-12
                && r.Direction == Math.Sign(r.FusedScore)
                && r.AgreeingCount <= r.ActiveCount;
        }).QuickCheckThrowOnFailure();
    }

    private static QualityIssues Quality(VolatilityRegime regime = VolatilityRegime.Normal, FusionOptions? o = null, int active = 3, int agreeing = 3, int opposing = 0) =>
        QualityGate.Check(FeatureKit.Calm(), regime, active, agreeing, opposing, o ?? new FusionOptions());

    private static QualityIssues QualityOf(MarketFeatures f, VolatilityRegime regime = VolatilityRegime.Normal) =>
        QualityGate.Check(f, regime, 3, 3, 0, new FusionOptions());

    [Test]
    public void QualityGate_EachProblem_IsReportedByItsFlag()
    {
        var calm = FeatureKit.Calm();
        var invalid = calm; invalid.IsBookValid = false;
        var cold = calm; cold.IsWarm = false;
        var stale = calm; stale.BookAgeMs = 1500;
        var wide = calm; wide.SpreadTicks = 11;
        var slow = calm; slow.FeedLatencyMs = 1200;

        Assert.Multiple(() =>
        {
            Assert.That(QualityOf(calm), Is.EqualTo(QualityIssues.None));
            Assert.That(QualityOf(invalid), Is.EqualTo(QualityIssues.BookInvalid));
            Assert.That(QualityOf(cold), Is.EqualTo(QualityIssues.NotWarm));
            Assert.That(QualityOf(stale), Is.EqualTo(QualityIssues.StaleBook));
            Assert.That(QualityOf(wide), Is.EqualTo(QualityIssues.WideSpread));
            Assert.That(QualityOf(slow), Is.EqualTo(QualityIssues.SlowFeed));
            Assert.That(QualityOf(calm, VolatilityRegime.Extreme), Is.EqualTo(QualityIssues.ExtremeRegime));
            Assert.That(Quality(regime: VolatilityRegime.Extreme, o: new FusionOptions { BlockExtremeRegime = false }), Is.EqualTo(QualityIssues.None));
            Assert.That(Quality(active: 5, agreeing: 2, opposing: 1), Is.EqualTo(QualityIssues.LowAgreement), "2 of 5 < 0.6");
            Assert.That(Quality(active: 9, agreeing: 6, opposing: 3), Is.EqualTo(QualityIssues.TooManyOpposing), "3 > 2");
            Assert.That(Quality(active: 0, agreeing: 0), Is.EqualTo(QualityIssues.None), "nothing active, nothing to disagree");
        });
    }

    [Test]
    public void Fuse_StrongAgreementOnAnInvalidBook_NoEntry()
    {
        var f = FeatureKit.Calm();
        f.IsBookValid = false;
        FusionResult r = Result((SignalId.Obi, 1, true), (SignalId.Umom, 1, true), (SignalId.Cvd, 1, true), (SignalId.Tps, 1, true), (SignalId.Ltb, 1, true));

        SignalFusion.Fuse(r, DefaultWeights(), f, VolatilityRegime.Normal, new FusionOptions());

        Assert.That(r.Confidence, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(r.QualityOk, Is.False);
        Assert.That(r.Quality, Is.EqualTo(QualityIssues.BookInvalid));
        Assert.That(r.WantsEntry, Is.False);
    }
}
