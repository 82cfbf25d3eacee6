using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals;
using Smallfish.Core.Signals.Scorers;
using Smallfish.Core.Tests.Signals.Support;

namespace Smallfish.Core.Tests.Signals;

/// <summary>The core group's scorers (OBI, PRT, UMOM) on hand-made features.</summary>
public class CoreScorerTests
{
    private static readonly RegimeContext Normal = RegimeContext.Neutral;

    private static SignalReading ObiHeld(double obi, double micro, long heldMs, ObiSignalOptions o)
    {
        var state = new ObiState();
        var f = FeatureKit.Calm();
        SignalReading s = ObiSignal.Evaluate(f, o, Normal, ref state);
        f.Obi = obi;
        f.MicroPressure = micro;
        for (long t = 0; t <= heldMs; t += 50)
        {
            f.NowNs = FeatureKit.T0 + 10 * FeatureKit.Second + t * 1_000_000;
            s = ObiSignal.Evaluate(f, o, Normal, ref state);
        }
        return s;
    }

    [Test]
    public void Obi_BidsHeavierForSeconds_ActiveBuy()
    {
        SignalReading s = ObiHeld(0.8, 0.8, 5_000, new ObiSignalOptions());

        Assert.That(s.Score, Is.GreaterThan(0.7).And.LessThanOrEqualTo(1));
        Assert.That(s.Active, Is.True);
    }

    [Test]
    public void Obi_AsksHeavierForSeconds_ActiveSellMirroringBuy()
    {
        var o = new ObiSignalOptions();
        SignalReading buy = ObiHeld(0.8, 0.8, 5_000, o);
        SignalReading sell = ObiHeld(-0.8, -0.8, 5_000, o);

        Assert.That(sell.Active, Is.True);
        Assert.That(sell.Score, Is.EqualTo(-buy.Score).Within(1e-12));
    }

    [Test]
    public void Obi_ImbalanceFlickeringForAFewHundredMs_StaysInactive()
    {
        SignalReading s = ObiHeld(0.95, 0.95, 300, new ObiSignalOptions());

        Assert.That(s.Score, Is.GreaterThan(0), "the average has started to move");
        Assert.That(s.Active, Is.False, "a wall must stand, not flicker");
    }

    [Test]
    public void Obi_NoSmoothing_ScoreIsTheWeightedBlendOfTheParts()
    {
        var o = new ObiSignalOptions { SmoothingMs = 0, FullImbalance = 0.5, FullRatePerSecond = 2, RateOfChangeWeight = 0.2, MicroPriceWeight = 0.3 };
        var f = FeatureKit.Calm();
        f.Obi = 0.25;
        f.ObiRocPerSecond = -1;
        f.MicroPressure = 0.4;
        var state = new ObiState();

        SignalReading s = ObiSignal.Evaluate(f, o, Normal, ref state);

        // 0.5 x (0.25 / 0.5) + 0.2 x (-1 / 2) + 0.3 x 0.4
        Assert.That(s.Score, Is.EqualTo(0.5 * 0.5 - 0.2 * 0.5 + 0.3 * 0.4).Within(1e-12));
    }

    [TestCase(0.95, 0.5, 1.0)]
    [TestCase(0.5, 0.95, -1.0)]
    [TestCase(0.7, 0.5, 0.5)]
    [TestCase(0.5, 0.5, 0.0)]
    [TestCase(0.3, 0.2, 0.0)]
    public void Prt_SpoofScores_FadeTheFakeSide(double spoofAsk, double spoofBid, double expected)
    {
        var f = FeatureKit.Calm();
        f.SpoofAsk = spoofAsk;
        f.SpoofBid = spoofBid;

        SignalReading s = PrtSignal.Evaluate(f, new PrtSignalOptions(), Normal);

        Assert.That(s.Score, Is.EqualTo(expected).Within(1e-9));
        Assert.That(s.Active, Is.EqualTo(Math.Abs(expected) >= 0.4));
    }

    [Test]
    public void Umom_StrongRiseConfirmedByBuying_ActiveBuy()
    {
        var f = FeatureKit.Calm();
        f.MomentumTicks = FeatureKit.MomentumTicks(3.0);
        f.CvdNorm = 0.4;

        SignalReading s = UmomSignal.Evaluate(f, new UmomSignalOptions(), Normal);

        Assert.That(s.Score, Is.EqualTo(1.0).Within(1e-9));
        Assert.That(s.Active, Is.True);
    }

    [Test]
    public void Umom_RiseAgainstNetSelling_SilentWhenConfirmationRequired()
    {
        var f = FeatureKit.Calm();
        f.MomentumTicks = FeatureKit.MomentumTicks(2.0);
        f.CvdNorm = -0.4;

        Assert.That(UmomSignal.Evaluate(f, new UmomSignalOptions(), Normal), Is.EqualTo(SignalReading.None));
        var s = UmomSignal.Evaluate(f, new UmomSignalOptions { RequireTradeFlowConfirmation = false }, Normal);
        Assert.That(s.Score, Is.EqualTo(0.5).Within(1e-9), "ramp(2, 1, 3)");
        Assert.That(s.Active, Is.True);
    }

    [Test]
    public void Umom_MomentumWithinNoise_Zero()
    {
        var f = FeatureKit.Calm();
        f.MomentumTicks = -FeatureKit.MomentumTicks(0.9);
        f.CvdNorm = -0.5;

        Assert.That(UmomSignal.Evaluate(f, new UmomSignalOptions(), Normal).Score, Is.Zero);
    }

    [Test]
    public void Umom_DeadMarket_SilentByTheVolatilityGate()
    {
        var f = FeatureKit.Calm();
        f.MomentumTicks = FeatureKit.MomentumTicks(3.0);
        f.CvdNorm = 0.5;
        f.RvShortBps = 0.2 * FeatureKit.Vol;

        Assert.That(UmomSignal.Evaluate(f, new UmomSignalOptions(), Normal), Is.EqualTo(SignalReading.None));
    }

    [Test]
    public void Umom_ExtremeRegime_DampedAndHarderToActivate()
    {
        var f = FeatureKit.Calm();
        f.MomentumTicks = -FeatureKit.MomentumTicks(3.0);
        f.CvdNorm = -0.5;
        var extreme = RegimeContext.For(VolatilityRegime.Extreme, new RegimeSignalOptions());

        SignalReading s = UmomSignal.Evaluate(f, new UmomSignalOptions(), extreme);

        Assert.That(s.Score, Is.EqualTo(-0.5).Within(1e-9), "full score x damping 0.5");
        Assert.That(s.Active, Is.True, "0.5 >= 0.3 x 1.5");
    }
}
