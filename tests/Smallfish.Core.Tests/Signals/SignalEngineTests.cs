using Smallfish.Core.Configuration;
using Smallfish.Core.Signals;
using Smallfish.Core.Tests.Signals.Support;

namespace Smallfish.Core.Tests.Signals;

/// <summary>The signal engine: per-symbol options and state, switched-off signals, explainable results.</summary>
public class SignalEngineTests
{
    private static SymbolScopedOptions Scoped(Action<SignalsOptions>? change = null)
    {
        var s = new SignalsOptions();
        change?.Invoke(s);
        return new SymbolScopedOptions { Signals = s, Fusion = new FusionOptions() };
    }

    [Test]
    public void Evaluate_PerSymbolOptions_EachSymbolUsesItsOwn()
    {
        var engine = new SignalEngine([Scoped(), Scoped(s => { s.Prt.Enabled = false; s.Obi.Weight = 0.32; })], new AdaptiveWeightsOptions { Enabled = false });
        var f = FeatureKit.Calm();
        f.SpoofAsk = 0.95;
        f.SpoofBid = 0.5;
        var r0 = new FusionResult();
        var r1 = new FusionResult();

        engine.Evaluate(0, f, f.NowNs, r0);
        engine.Evaluate(1, f, f.NowNs, r1);

        Assert.Multiple(() =>
        {
            Assert.That(r0.Scores[(int)SignalId.Prt], Is.EqualTo(1.0));
            Assert.That(r0.Active[(int)SignalId.Prt], Is.True);
            Assert.That(r0.Weights[(int)SignalId.Obi], Is.EqualTo(0.22));
            Assert.That(r1.Scores[(int)SignalId.Prt], Is.Zero, "switched off for symbol 1");
            Assert.That(r1.Active[(int)SignalId.Prt], Is.False);
            Assert.That(r1.Weights[(int)SignalId.Prt], Is.Zero);
            Assert.That(r1.Weights[(int)SignalId.Obi], Is.EqualTo(0.32));
            Assert.That(r0.TsNs, Is.EqualTo(f.NowNs));
            Assert.That(r0.Regime, Is.EqualTo((int)VolatilityRegime.Normal));
        });
    }

    [Test]
    public void FromOptions_PerSymbolOverride_AppliedToThatSymbolOnly()
    {
        var options = new SmallfishOptions();
        options.AdaptiveWeights.Enabled = false;
        var sol = Scoped(s => s.Ltb.Enabled = false);
        sol.Signals.Obi.Weight = 0.30;
        options.PerSymbol["SOLUSDT"] = sol;

        SignalEngine engine = SignalEngine.FromOptions(options, ["BTCUSDT", "SOLUSDT"]);

        Assert.That(engine.SymbolCount, Is.EqualTo(2));
        Assert.That(engine.Symbol(0).Weights[(int)SignalId.Ltb], Is.EqualTo(0.08));
        Assert.That(engine.Symbol(1).Weights[(int)SignalId.Ltb], Is.Zero);
        Assert.That(engine.Symbol(1).Weights[(int)SignalId.Obi], Is.EqualTo(0.30));
    }

    [Test]
    public void Evaluate_StrongAgreeingPicture_ExplainedByItsContributions()
    {
        var engine = new SignalEngine(new SignalsOptions(), new FusionOptions { MinSignals = 3 }, new AdaptiveWeightsOptions { Enabled = false });
        var f = FeatureKit.Calm();
        f.SpoofAsk = 0.95;                                   // PRT buy
        f.MomentumTicks = FeatureKit.MomentumTicks(3.0);      // UMOM buy
        f.CvdNorm = 0.6;
        f.TpsRatio = 2.5;                                      // CVD buy (busy, one-sided)
        f.BuyShortLots = 5_000;
        f.SellShortLots = 1_000;                               // TPS buy
        f.AbsorptionBid = 0.9;                                 // ABSORB buy
        var r = new FusionResult();

        engine.Evaluate(0, f, f.NowNs, r);

        Assert.That(r.Direction, Is.EqualTo(1));
        Assert.That(r.AgreeingCount, Is.EqualTo(r.ActiveCount));
        Assert.That(r.ActiveCount, Is.GreaterThanOrEqualTo(5));
        Assert.That(r.Contributions.Sum(), Is.EqualTo(r.FusedScore).Within(1e-12));
        Assert.That(r.Confidence, Is.EqualTo(r.FusedScore / r.ActiveWeight).Within(1e-12));
        Assert.That(r.WantsEntry, Is.True);
    }

    [Test]
    public void Evaluate_SteadyState_AllocatesNothing()
    {
        // Up to three fresh engines (background JIT tier-up can charge a few bytes to this thread once in a while; a
        // structure that allocates per evaluation allocates every time): at least one steady state is allocation-free.
        var attempts = new List<long>();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var engine = new SignalEngine(new SignalsOptions(), new FusionOptions(), new AdaptiveWeightsOptions { HorizonSeconds = 1, SampleSpacingSeconds = 0.1, MinSamples = 5 });
            var f = FeatureKit.Calm();
            var r = new FusionResult();
            void Run(int from, int to)
            {
                for (int i = from; i < to; i++)
                {
                    f.NowNs = FeatureKit.T0 + i * 10_000_000L;
                    f.MidTicks = FeatureKit.Mid + (i % 50);
                    f.Obi = (i % 200) < 100 ? 0.9 : -0.9;
                    f.SpoofAsk = (i % 300) < 150 ? 0.95 : 0.2;
                    f.MomentumTicks = FeatureKit.MomentumTicks((i % 400) < 200 ? 3 : -3);
                    f.CvdNorm = (i % 400) < 200 ? 0.5 : -0.5;
                    engine.Evaluate(0, f, f.NowNs, r);
                }
            }
            Run(0, 5_000);

            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(5_000, 25_000);
            attempts.Add(GC.GetAllocatedBytesForCurrentThread() - before);

            Assert.That(engine.Symbol(0).Edge!.Adaptations, Is.GreaterThan(0));
            if (attempts[^1] == 0) break;
        }
        Assert.That(attempts.Min(), Is.Zero, "allocation in every attempt: " + string.Join(", ", attempts));
    }
}
