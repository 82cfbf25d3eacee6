using Smallfish.Simulation.Backtesting.Research;

namespace Smallfish.Core.Tests.Simulation.Backtesting;

public class SpearmanCorrelationTests
{
    [Test]
    public void AverageRanks_Ties_GetMeanRank()
    {
        var ranks = new double[5];
        SpearmanCorrelation.AverageRanks([10, 20, 20, 30, 20], ranks);
        Assert.That(ranks, Is.EqualTo(new[] { 1.0, 3.0, 3.0, 5.0, 3.0 }));
    }

    [Test]
    public void Compute_HandExampleWithTie_MatchesHandValue()
    {
        // ranks x 1..5, ranks y 1, 2, 3.5, 5, 3.5: sxy = 8, sxx = 10, syy = 9.5 -> 8 / sqrt(95)
        Assert.That(SpearmanCorrelation.Compute([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), Is.EqualTo(8 / Math.Sqrt(95)).Within(1e-12));
    }

    [Test]
    public void Compute_MonotoneButNonLinear_IsOne()
    {
        Assert.That(SpearmanCorrelation.Compute([1, 2, 3, 4], [1, 8, 27, 1000]), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(SpearmanCorrelation.Compute([1, 2, 3, 4], [9, 3, 1, -100]), Is.EqualTo(-1.0).Within(1e-12));
    }

    [Test]
    public void Compute_AllTiedOrTooFew_IsNaN()
    {
        Assert.That(SpearmanCorrelation.Compute([1, 1, 1, 1], [1, 2, 3, 4]), Is.NaN);
        Assert.That(SpearmanCorrelation.Compute([1, 2], [1, 2]), Is.NaN);
    }
}
