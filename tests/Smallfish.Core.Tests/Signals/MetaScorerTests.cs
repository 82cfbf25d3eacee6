using Smallfish.Core.Configuration;
using Smallfish.Core.Signals;
using Smallfish.Core.Signals.Scorers;
using Smallfish.Core.Tests.Signals.Support;

namespace Smallfish.Core.Tests.Signals;

/// <summary>The meta group's scorers (VWAP, REGIME) on hand-made features.</summary>
public class MetaScorerTests
{
    private static readonly RegimeContext Normal = RegimeContext.Neutral;

    [TestCase(5.0, -1.0)]
    [TestCase(4.25, -0.7)]
    [TestCase(-4.5, 0.8)]
    [TestCase(2.0, 0.0)]
    public void Vwap_DeviationInVolatilityUnits_RevertsTowardVwap(double sigma, double expected)
    {
        var f = FeatureKit.Calm();
        f.VwapRollingDevBps = FeatureKit.DeviationBps(sigma);

        SignalReading s = VwapSignal.Evaluate(f, new VwapSignalOptions(), Normal);

        Assert.That(s.Score, Is.EqualTo(expected).Within(1e-9));
        Assert.That(s.Active, Is.EqualTo(Math.Abs(expected) >= 0.6 - 1e-9));
    }

    [Test]
    public void Vwap_SessionReference_ReadsTheSessionDeviation()
    {
        var f = FeatureKit.Calm();
        f.VwapRollingDevBps = 0;
        f.VwapDevBps = FeatureKit.DeviationBps(-6);

        Assert.That(VwapSignal.Evaluate(f, new VwapSignalOptions(), Normal).Score, Is.Zero);
        Assert.That(VwapSignal.Evaluate(f, new VwapSignalOptions { UseSessionVwap = true }, Normal).Score, Is.EqualTo(1.0));
    }

    [Test]
    public void Vwap_UnknownVolatility_Silent()
    {
        var f = FeatureKit.Calm();
        f.RvBaselineBps = f.RvLongBps = 0;
        f.VwapRollingDevBps = 100;

        Assert.That(VwapSignal.Evaluate(f, new VwapSignalOptions(), Normal), Is.EqualTo(SignalReading.None));
    }

    [TestCase(VolatilityRegime.Normal, 0.30, VolatilityRegime.Low)]
    [TestCase(VolatilityRegime.Normal, 1.00, VolatilityRegime.Normal)]
    [TestCase(VolatilityRegime.Normal, 2.50, VolatilityRegime.High)]
    [TestCase(VolatilityRegime.Normal, 4.50, VolatilityRegime.Extreme)]
    [TestCase(VolatilityRegime.Low, 0.39, VolatilityRegime.Low)]
    [TestCase(VolatilityRegime.Low, 0.41, VolatilityRegime.Normal)]
    [TestCase(VolatilityRegime.High, 1.95, VolatilityRegime.High)]
    [TestCase(VolatilityRegime.High, 1.85, VolatilityRegime.Normal)]
    [TestCase(VolatilityRegime.Extreme, 3.9, VolatilityRegime.Extreme)]
    [TestCase(VolatilityRegime.Extreme, 3.7, VolatilityRegime.High)]
    [TestCase(VolatilityRegime.Extreme, 1.2, VolatilityRegime.Normal)]
    public void RegimeNext_RatioAndCurrentRegime_ClassifiesWithHysteresis(VolatilityRegime current, double ratio, VolatilityRegime expected)
    {
        // Low 0.38 (leave above 0.399), high 2.0 (leave below 1.9), extreme 4.0 (leave below 3.8).
        Assert.That(RegimeSignal.Next(current, ratio, new RegimeSignalOptions()), Is.EqualTo(expected));
    }

    [Test]
    public void RegimeClassify_ShortVolatilityTripledForSeconds_HighThenBackToNormal()
    {
        var o = new RegimeSignalOptions();
        var state = new RegimeState();
        state.Reset();
        var f = FeatureKit.Calm();
        for (int ms = 0; ms <= 60_000; ms += 100)
        {
            f.NowNs = FeatureKit.T0 + ms * 1_000_000L;
            RegimeSignal.Classify(f, o, ref state);
        }
        Assert.That(state.Regime, Is.EqualTo(VolatilityRegime.Normal));
        Assert.That(state.Ratio, Is.EqualTo(1.0).Within(1e-9));

        f.RvShortBps = 3 * FeatureKit.Vol;
        VolatilityRegime seen = VolatilityRegime.Normal;
        for (int ms = 100; ms <= 30_000; ms += 100)
        {
            f.NowNs += 100_000_000;
            seen = RegimeSignal.Classify(f, o, ref state);
        }
        Assert.That(seen, Is.EqualTo(VolatilityRegime.High));
        Assert.That(state.Ratio, Is.EqualTo(3.0).Within(0.1), "three 10 s time constants in");

        f.RvShortBps = FeatureKit.Vol;
        for (int ms = 100; ms <= 60_000; ms += 100)
        {
            f.NowNs += 100_000_000;
            seen = RegimeSignal.Classify(f, o, ref state);
        }
        Assert.That(seen, Is.EqualTo(VolatilityRegime.Normal));
    }

    [Test]
    public void RegimeClassify_FeaturesNotWarm_Normal()
    {
        var state = new RegimeState();
        state.Reset();
        var f = FeatureKit.Calm();
        f.IsWarm = false;
        f.RvShortBps = 10 * FeatureKit.Vol;

        Assert.That(RegimeSignal.Classify(f, new RegimeSignalOptions(), ref state), Is.EqualTo(VolatilityRegime.Normal));
    }

    [Test]
    public void RegimeScore_ExpandingVolatilityWithFallingPrice_Sell()
    {
        var o = new RegimeSignalOptions();
        var f = FeatureKit.Calm();
        f.MomentumTicks = -FeatureKit.MomentumTicks(2.0);
        var state = new RegimeState();
        state.Reset();
        state.Ratio = 1.5;

        SignalReading s = RegimeSignal.Evaluate(f, o, RegimeContext.Neutral, state);

        Assert.That(s.Score, Is.EqualTo(-0.5).Within(1e-9), "ramp(1.5, 1, 2) x momentum capped at 1");
        Assert.That(s.Active, Is.True);

        state.Ratio = 0.8;
        Assert.That(RegimeSignal.Evaluate(f, o, RegimeContext.Neutral, state).Score, Is.Zero, "no expansion, no score");
    }

    [Test]
    public void RegimeContext_PerRegime_ScalesThresholdsAndDampsMomentum()
    {
        var o = new RegimeSignalOptions();
        Assert.Multiple(() =>
        {
            Assert.That(RegimeContext.For(VolatilityRegime.Low, o), Is.EqualTo(new RegimeContext(VolatilityRegime.Low, 1, 1)));
            Assert.That(RegimeContext.For(VolatilityRegime.Normal, o), Is.EqualTo(RegimeContext.Neutral));
            Assert.That(RegimeContext.For(VolatilityRegime.High, o), Is.EqualTo(new RegimeContext(VolatilityRegime.High, 1.1, 1)));
            Assert.That(RegimeContext.For(VolatilityRegime.Extreme, o), Is.EqualTo(new RegimeContext(VolatilityRegime.Extreme, 1.5, 0.5)));
        });
    }
}
