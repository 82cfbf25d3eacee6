using Smallfish.Core.Configuration;
using Smallfish.Core.Signals;
using Smallfish.Core.Signals.Scorers;
using Smallfish.Core.Tests.Signals.Support;

namespace Smallfish.Core.Tests.Signals;

/// <summary>The microstructure group's scorers (CVD, TPS, LIQ, MVR, ABSORB) on hand-made features.</summary>
public class MicroScorerTests
{
    private static readonly RegimeContext Normal = RegimeContext.Neutral;

    [Test]
    public void Cvd_OneSidedBuyingAtTwiceThePace_ActiveBuy()
    {
        var f = FeatureKit.Calm();
        f.CvdNorm = 0.6;
        f.CvdAccel = 0.4;
        f.TpsRatio = 2.0;

        SignalReading s = CvdSignal.Evaluate(f, new CvdSignalOptions(), Normal);

        Assert.That(s.Score, Is.EqualTo(0.5 * 1.0 + 0.25 * 0.4).Within(1e-12));
        Assert.That(s.Active, Is.True);
    }

    [Test]
    public void Cvd_SameFlowAtTheUsualPace_Discounted()
    {
        var f = FeatureKit.Calm();
        f.CvdNorm = 0.6;
        f.CvdAccel = 0.4;
        f.TpsRatio = 1.0;

        Assert.That(CvdSignal.Evaluate(f, new CvdSignalOptions(), Normal).Score, Is.Zero, "a few large prints at the usual pace are not flow");
    }

    [Test]
    public void Cvd_BullishDivergence_CountsWhateverThePace()
    {
        var f = FeatureKit.Calm();
        f.CvdDivergence = 0.5;

        Assert.That(CvdSignal.Evaluate(f, new CvdSignalOptions(), Normal).Score, Is.EqualTo(0.25).Within(1e-12));
    }

    [Test]
    public void Tps_UrgentSelling_ActiveSell()
    {
        var f = FeatureKit.Calm();
        f.TpsRatio = 2.5;
        f.BuyShortLots = 1_000;
        f.SellShortLots = 5_000;

        SignalReading s = TpsSignal.Evaluate(f, new TpsSignalOptions(), Normal);

        Assert.That(s.Score, Is.EqualTo(-1.0), "sell/buy 5 >= 4 and intensity 2.5 >= 2");
        Assert.That(s.Active, Is.True);
    }

    [Test]
    public void Tps_BusyButBalanced_NoDirection()
    {
        var f = FeatureKit.Calm();
        f.TpsRatio = 3;
        f.BuyShortLots = 1_200;
        f.SellShortLots = 1_000;

        Assert.That(TpsSignal.Evaluate(f, new TpsSignalOptions(), Normal).Score, Is.Zero);
    }

    [Test]
    public void Tps_OneSidedAtTheUsualPace_NoUrgency()
    {
        var f = FeatureKit.Calm();
        f.TpsRatio = 1;
        f.BuyShortLots = 5_000;

        Assert.That(TpsSignal.Evaluate(f, new TpsSignalOptions(), Normal).Score, Is.Zero);
    }

    [Test]
    public void Tps_HalfwayOnBoth_ProductOfUrgencyAndDirection()
    {
        var f = FeatureKit.Calm();
        f.TpsRatio = 1.5;
        f.BuyShortLots = 3_000; // buy/sell = sqrt(1.5 x 4) is halfway in log terms
        f.SellShortLots = (long)Math.Round(3_000 / Math.Sqrt(6));

        Assert.That(TpsSignal.Evaluate(f, new TpsSignalOptions(), Normal).Score, Is.EqualTo(0.25).Within(1e-3));
    }

    private static SignalReading LiqHeld(double obi, double thinness, long heldMs)
    {
        var o = new LiqSignalOptions();
        var state = new LiqState();
        var f = FeatureKit.Calm();
        f.Obi = obi;
        f.LiqThinness = thinness;
        SignalReading s = default;
        for (long t = 0; t <= heldMs; t += 50)
        {
            f.NowNs = FeatureKit.T0 + t * 1_000_000;
            s = LiqSignal.Evaluate(f, o, Normal, ref state);
        }
        return s;
    }

    [Test]
    public void Liq_AsksDrainedNearTheTouch_ActiveBuyTowardTheThinSide()
    {
        SignalReading s = LiqHeld(0.85, 1.3, 4_000);

        Assert.That(s.Score, Is.EqualTo(0.85).Within(1e-9), "held from the start: the averages equal the values");
        Assert.That(s.Active, Is.True);
        Assert.That(LiqHeld(-0.85, 1.3, 4_000).Score, Is.EqualTo(-0.85).Within(1e-9));
    }

    [Test]
    public void Liq_BookThickerThanUsual_SilentBecauseAWallIsOBIsBusiness()
    {
        Assert.That(LiqHeld(0.85, 0.45, 4_000).Score, Is.Zero);
        Assert.That(LiqHeld(0.85, 0.6, 4_000).Score, Is.EqualTo(0.85 * 0.5).Within(1e-9), "half-way between ThickRatio and UsualRatio");
    }

    [Test]
    public void Mvr_VolatilityBreakingOutWithFallingPrice_ActiveSell()
    {
        var f = FeatureKit.Calm();
        f.RvShortBps = 3.5 * FeatureKit.Vol;
        f.MomentumTicks = -FeatureKit.MomentumTicks(0.5);

        SignalReading s = MvrSignal.Evaluate(f, new MvrSignalOptions(), Normal);

        Assert.That(s.Score, Is.EqualTo(-1.0));
        Assert.That(s.Active, Is.True);
    }

    [Test]
    public void Mvr_BreakoutWithoutMomentum_NoDirection()
    {
        var f = FeatureKit.Calm();
        f.RvShortBps = 3 * FeatureKit.Vol;
        f.MomentumTicks = FeatureKit.MomentumTicks(0.1);

        Assert.That(MvrSignal.Evaluate(f, new MvrSignalOptions(), Normal).Score, Is.Zero);
    }

    [Test]
    public void Mvr_Chop_SilentAndReported()
    {
        var f = FeatureKit.Calm();
        f.RvShortBps = 0.5 * FeatureKit.Vol;
        f.MomentumTicks = FeatureKit.MomentumTicks(2);

        Assert.That(MvrSignal.Evaluate(f, new MvrSignalOptions(), Normal).Score, Is.Zero);
        Assert.That(MvrSignal.IsChop(f, new MvrSignalOptions()), Is.True);
    }

    [TestCase(0.9, 0.1, 1.0)]
    [TestCase(0.1, 0.525, -0.5)]
    [TestCase(0.3, 0.3, 0.0)]
    public void Absorb_DefendedSide_ScoresItsDirection(double bid, double ask, double expected)
    {
        var f = FeatureKit.Calm();
        f.AbsorptionBid = bid;
        f.AbsorptionAsk = ask;

        Assert.That(AbsorbSignal.Evaluate(f, new AbsorbSignalOptions(), Normal).Score, Is.EqualTo(expected).Within(1e-12));
    }
}
