using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Tests.Risk;

public class StopRuleTests
{
    private static StopRule Rule(int minTicks = 10, double minBps = 8, double maxBps = 50, double k = 2, int horizon = 30) =>
        new(new StopPlacementOptions { MinTicks = minTicks, MinBps = minBps, MaxBps = maxBps, VolatilityMultiple = k, VolatilityHorizonSeconds = horizon });

    [Test]
    public void Distance_CalmMarket_TheBpsFloorSetsIt()
    {
        // BTC at 60 000.0 = 600 000 ticks; 8 bps = 48.0 = 480 ticks; vol 0.1 bps/sqrt(s) x sqrt(30) x 2 = 1.1 bps.
        Assert.That(Rule().DistanceTicks(600_000, 0.1), Is.EqualTo(480));
    }

    [Test]
    public void Distance_VolatileMarket_KTimesRealizedVolSetsIt()
    {
        // 1.5 bps/sqrt(s) x sqrt(30) x 2 = 16.43 bps of 600 000 ticks = 985.9 -> 986 ticks.
        Assert.That(Rule().DistanceTicks(600_000, 1.5), Is.EqualTo(986));
    }

    [Test]
    public void Distance_ExtremeVolatility_CappedAtMaxBps()
    {
        Assert.That(Rule().DistanceTicks(600_000, 100), Is.EqualTo(3000)); // 50 bps
    }

    [Test]
    public void Distance_CoarseTicks_NeverBelowTheTickFloor()
    {
        // DOGE at 0.1 = 10 000 ticks of 0.00001: 8 bps = 8 ticks < 10.
        Assert.That(Rule().DistanceTicks(10_000, 0), Is.EqualTo(10));
    }

    [TestCase(double.NaN)]
    [TestCase(0.0)]
    [TestCase(-5.0)]
    public void Distance_NoPrice_FallsBackToTheTickFloor(double price) => Assert.That(Rule().DistanceTicks(price, 1), Is.EqualTo(10));

    [Test]
    public void Distance_NoVolatility_FloorsOnly() => Assert.That(Rule(minBps: 0).DistanceTicks(600_000, double.NaN), Is.EqualTo(10));

    [TestCase(Side.Buy, 1000L, 10L, 2.0, 0.0, 990L, 1020L, 0L)]
    [TestCase(Side.Sell, 1000L, 10L, 2.0, 0.0, 1010L, 980L, 0L)]
    [TestCase(Side.Buy, 1000L, 10L, 1.4, 0.0, 990L, 1014L, 0L)]
    [TestCase(Side.Buy, 1000L, 7L, 1.4, 0.0, 993L, 1010L, 0L)] // 9.8 rounds up to 10: R:R never below the profile's
    [TestCase(Side.Buy, 1000L, 10L, 2.4, 1.0, 990L, 1024L, 1010L)]
    [TestCase(Side.Sell, 1000L, 10L, 2.8, 1.0, 1010L, 972L, 990L)]
    public void BracketPlan_Create_PlacesStopTakeProfitAndPartial(Side side, long entry, long distance, double rr, double partialAtR,
        long stop, long tp, long partial)
    {
        var plan = BracketPlan.Create(side, entry, distance, rr, partialAtR);
        Assert.That((plan.StopTicks, plan.TakeProfitTicks, plan.PartialTakeProfitTicks, plan.DistanceTicks), Is.EqualTo((stop, tp, partial, distance)));
    }
}
