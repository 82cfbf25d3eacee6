using Smallfish.Core.Brackets;
using Smallfish.Core.Domain;

namespace Smallfish.Core.Tests.Risk;

public class TrailingStopTests
{
    // Long from 1000, initial stop 990 (1R = 10 ticks), activation 1R, step 2.
    [TestCase(1009L, 990L, 0L, TestName = "Next_BelowActivation_Stays")]
    [TestCase(1010L, 990L, 1008L, TestName = "Next_AtActivation_TrailsTwoBehindTheBest")]
    [TestCase(1011L, 1008L, 0L, TestName = "Next_LessThanAStepGained_Stays")]
    [TestCase(1012L, 1008L, 1010L, TestName = "Next_AStepGained_Moves")]
    [TestCase(1030L, 1008L, 1028L, TestName = "Next_AJump_MovesAllTheWay")]
    public void Next_Long(long best, long current, long expected) =>
        Assert.That(TrailingStop.Next(Side.Buy, 1000m, best, current, 10m, 2, best), Is.EqualTo(expected));

    [Test]
    public void Next_Short_MirrorsTheLong()
    {
        Assert.That(TrailingStop.Next(Side.Sell, 1000m, 990, 1010, 10m, 2, 990), Is.EqualTo(992));
        Assert.That(TrailingStop.Next(Side.Sell, 1000m, 991, 1010, 10m, 2, 991), Is.Zero);
    }

    [Test]
    public void Next_MarketAlreadyAtTheNewStop_Stays() =>
        Assert.That(TrailingStop.Next(Side.Buy, 1000m, 1012, 990, 10m, 2, lastTradeTicks: 1010), Is.Zero);
}
