using Smallfish.Core.Configuration;
using Smallfish.Core.Signals;
using Smallfish.Core.Signals.Scorers;
using Smallfish.Core.Tests.Signals.Support;

namespace Smallfish.Core.Tests.Signals;

/// <summary>The whale group's scorers (LTB, SWEEP, ICE) on hand-made features.</summary>
public class WhaleScorerTests
{
    private static readonly RegimeContext Normal = RegimeContext.Neutral;

    [Test]
    public void Ltb_BurstOfLargeBuys_ActiveBuyScaledByNetSizeInThresholds()
    {
        var f = FeatureKit.Calm();
        f.LargeTradeThresholdLots = 400;
        f.LargeBuyCount = 3;
        f.LargeBuyLots = 12_000;
        f.LargeSellCount = 1;
        f.LargeSellLots = 2_000;

        SignalReading s = LtbSignal.Evaluate(f, new LtbSignalOptions(), Normal);

        Assert.That(s.Score, Is.EqualTo(10_000.0 / 400 / 40).Within(1e-12), "25 thresholds net of 40 at full");
        Assert.That(s.Active, Is.True);
    }

    [Test]
    public void Ltb_LargeSellersDominating_ActiveSell()
    {
        var f = FeatureKit.Calm();
        f.LargeSellCount = 4;
        f.LargeSellLots = 40_000;

        SignalReading s = LtbSignal.Evaluate(f, new LtbSignalOptions(), Normal);

        Assert.That(s.Score, Is.EqualTo(-1.0), "100 thresholds: capped");
        Assert.That(s.Active, Is.True);
    }

    [Test]
    public void Ltb_OneStrayLargeOrder_NoBurst()
    {
        var f = FeatureKit.Calm();
        f.LargeBuyCount = 1;
        f.LargeBuyLots = 40_000;

        Assert.That(LtbSignal.Evaluate(f, new LtbSignalOptions(), Normal), Is.EqualTo(SignalReading.None));
    }

    [Test]
    public void Ltb_NoSizeDistributionYet_Silent()
    {
        var f = FeatureKit.Calm();
        f.LargeTradeThresholdLots = long.MaxValue;
        f.LargeBuyCount = 5;
        f.LargeBuyLots = 40_000;

        Assert.That(LtbSignal.Evaluate(f, new LtbSignalOptions(), Normal), Is.EqualTo(SignalReading.None));
    }

    [TestCase(1, 10, 0.0, 1.0)]
    [TestCase(-1, 12, 0.0, -1.0)]
    [TestCase(1, 8, 0.0, 0.6)]
    [TestCase(1, 6, 0.0, 0.2)]
    [TestCase(1, 5, 0.0, 0.0)]
    public void Sweep_LevelsTaken_ScoreInTheAggressorsDirection(long side, long levels, double ageMs, double expected)
    {
        var f = FeatureKit.Calm();
        f.SweepSide = side;
        f.SweepLevels = levels;
        f.SweepAgeMs = ageMs;

        Assert.That(SweepSignal.Evaluate(f, new SweepSignalOptions(), Normal).Score, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Sweep_Ageing_FadesBelowActivation()
    {
        var f = FeatureKit.Calm();
        f.SweepSide = -1;
        f.SweepLevels = 10;
        f.SweepAgeMs = 2_000;

        SignalReading s = SweepSignal.Evaluate(f, new SweepSignalOptions(), Normal);
        Assert.That(s.Score, Is.EqualTo(-Math.Exp(-1)).Within(1e-12));
        Assert.That(s.Active, Is.True);

        f.SweepAgeMs = 3_000;
        Assert.That(SweepSignal.Evaluate(f, new SweepSignalOptions(), Normal).Active, Is.False, "exp(-1.5) = 0.22 < 0.3");
    }

    [Test]
    public void Ice_BidLevelRefillingWithHiddenVolume_ActiveBuy()
    {
        var f = FeatureKit.Calm();
        f.IceRefillsBid = 6;
        f.IceAbsorbBid = 0.45;

        SignalReading s = IceSignal.Evaluate(f, new IceSignalOptions(), Normal);

        Assert.That(s.Score, Is.EqualTo(0.75).Within(1e-12));
        Assert.That(s.Active, Is.True);
    }

    [Test]
    public void Ice_TooFewRefills_NotAnIceberg()
    {
        var f = FeatureKit.Calm();
        f.IceRefillsAsk = 2;
        f.IceAbsorbAsk = 0.9;

        Assert.That(IceSignal.Evaluate(f, new IceSignalOptions(), Normal).Score, Is.Zero);
        f.IceRefillsAsk = 3;
        Assert.That(IceSignal.Evaluate(f, new IceSignalOptions(), Normal).Score, Is.EqualTo(-1.0));
    }
}
