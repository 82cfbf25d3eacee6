using Smallfish.Simulation.Backtesting.Statistics;
using static Smallfish.Core.Tests.Simulation.Backtesting.StatisticsFixtures;

namespace Smallfish.Core.Tests.Simulation.Backtesting;

public class StatisticsPartsTests
{
    [Test]
    public void Returns_IrregularPoints_TakeLastEquityAtOrBeforeEachGridPoint()
    {
        // points at 0 (100), 0:30 (110), 1:00 (120), 2:45 (90); grid 0, 1, 2, 3 min -> 100, 120, 120, 90
        EquityPoint[] eq = [new(T0, 100m), new(T0 + (Minute / 2), 110m), new(T0 + Minute, 120m), new(T0 + (2 * Minute) + (3 * Minute / 4), 90m)];
        double[] r = EquityResampler.Returns(eq, T0, T0 + (3 * Minute), Minute);
        Assert.That(r, Is.EqualTo(new[] { 0.2, 0.0, -0.25 }).Within(1e-12));
    }

    [Test]
    public void Returns_PartialLastInterval_IsDropped()
    {
        EquityPoint[] eq = [new(T0, 100m), new(T0 + (90 * 1_000_000_000L), 200m)];
        Assert.That(EquityResampler.Returns(eq, T0, T0 + (90 * 1_000_000_000L), Minute), Is.EqualTo(new[] { 0.0 }));
    }

    [Test]
    public void Returns_SessionStartsBeforeFirstPoint_UsesFirstEquity()
    {
        EquityPoint[] eq = [new(T0 + Minute, 100m), new(T0 + (2 * Minute), 150m)];
        Assert.That(EquityResampler.Returns(eq, T0, T0 + (2 * Minute), Minute), Is.EqualTo(new[] { 0.0, 0.5 }));
    }

    [Test]
    public void Sharpe_TwoReturns_HandComputed()
    {
        // returns 0.01, 0.03: mean 0.02, sample sd = sqrt(2 x 0.0001 / 1) = 0.0141421; periods/year 4 -> x 2
        Assert.That(ReturnRatios.Sharpe([0.01, 0.03], 4), Is.EqualTo(0.02 / Math.Sqrt(0.0002) * 2).Within(1e-12));
    }

    [Test]
    public void Sortino_NoNegativeReturn_IsInfinityWhenMeanPositive()
    {
        Assert.That(ReturnRatios.Sortino([0.01, 0.02], 1), Is.EqualTo(double.PositiveInfinity));
        Assert.That(ReturnRatios.Sortino([0.0, 0.0], 1), Is.NaN);
    }

    [Test]
    public void Sortino_MixedReturns_UsesDownsideOverAllPeriods()
    {
        // returns 0.02, -0.01, 0.02, -0.01: mean 0.005, downside sqrt((1e-4 + 1e-4) / 4) = sqrt(5e-5)
        Assert.That(ReturnRatios.Sortino([0.02, -0.01, 0.02, -0.01], 1), Is.EqualTo(0.005 / Math.Sqrt(5e-5)).Within(1e-12));
    }

    [Test]
    public void Ratios_FewerThanTwoReturns_AreNaN()
    {
        Assert.That(ReturnRatios.Sharpe([0.01], 1), Is.NaN);
        Assert.That(ReturnRatios.Sortino([], 1), Is.NaN);
    }

    [Test]
    public void Drawdown_PercentAndAbsoluteMaximaAtDifferentPoints_EachIsItsOwnMaximum()
    {
        // 100 -> 50: 50 abs, 50 %; 1000 -> 900: 100 abs, 10 %
        EquityPoint[] eq = [new(1, 100m), new(2, 50m), new(3, 1000m), new(4, 900m)];
        var dd = Drawdown.Of(eq);
        Assert.That(dd.Absolute, Is.EqualTo(100m));
        Assert.That(dd.Percent, Is.EqualTo(50.0).Within(1e-12));
    }

    [Test]
    public void Exposure_IntervalsOutsideSession_AreClipped()
    {
        ExposureInterval[] iv = [new(-50, 10), new(90, 200)];
        Assert.That(Exposure.Fraction(iv, 0, 100), Is.EqualTo(0.2).Within(1e-12));
    }

    [Test]
    public void Frequency_PeriodsPerYear_Is24x7()
    {
        Assert.That(StatsFrequency.OneMinute.PeriodsPerYear, Is.EqualTo(525_960.0).Within(1e-6));
        Assert.That(StatsFrequency.OneDay.PeriodsPerYear, Is.EqualTo(365.25).Within(1e-9));
    }

    [TestCase(30L * 60, "10s")]
    [TestCase(2L * 86_400, "1m")]
    [TestCase(30L * 86_400, "1h")]
    [TestCase(200L * 86_400, "1d")]
    public void ForSession_Length_PicksFrequency(long seconds, string expected)
    {
        Assert.That(StatsFrequency.ForSession(seconds * 1_000_000_000L).Name, Is.EqualTo(expected));
    }
}
