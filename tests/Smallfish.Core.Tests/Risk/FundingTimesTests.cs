using Smallfish.Core.Risk;

namespace Smallfish.Core.Tests.Risk;

public class FundingTimesTests
{
    private const long Minute = 60_000_000_000;

    /// <summary>2024-01-01 08:00:00 UTC.</summary>
    private const long F0800 = 1_704_096_000L * 1_000_000_000;

    [TestCase(-2, 2)]
    [TestCase(0, 0)]
    [TestCase(5, 5)]
    [TestCase(60, 60)]
    [TestCase(-120, 120)]
    [TestCase(240, 240)]
    public void Distance_NoTicker_UsesTheEightHourGrid(int minutesFromFunding, int expectedMinutes)
    {
        var s = new FundingTimes();
        Assert.That(s.DistanceToNearestNs(F0800 + minutesFromFunding * Minute), Is.EqualTo(expectedMinutes * Minute));
    }

    [Test]
    public void Distance_TickerAnnouncesNext_RemembersThePreviousAfterItPassed()
    {
        var s = new FundingTimes();
        long f1 = F0800 + 62 * Minute;
        s.OnNextFundingTime(f1);
        Assert.That(s.DistanceToNearestNs(f1 - 2 * Minute), Is.EqualTo(2 * Minute));

        s.OnNextFundingTime(f1 + 60 * Minute); // announced right after f1
        Assert.That(s.DistanceToNearestNs(f1 + 2 * Minute), Is.EqualTo(2 * Minute));
        Assert.That(s.DistanceToNearestNs(f1 + 30 * Minute), Is.EqualTo(30 * Minute));
    }

    [Test]
    public void Distance_AnnouncedTimePassedWithoutANewTicker_CountsItAsThePrevious()
    {
        var s = new FundingTimes();
        s.OnNextFundingTime(F0800);
        Assert.That(s.DistanceToNearestNs(F0800 + 1 * Minute), Is.EqualTo(1 * Minute));
    }

    [Test]
    public void OnNextFundingTime_ZeroOrRepeat_ChangesNothing()
    {
        var s = new FundingTimes();
        s.OnNextFundingTime(F0800);
        s.OnNextFundingTime(0);
        s.OnNextFundingTime(F0800);
        Assert.That(s.AnnouncedNextNs, Is.EqualTo(F0800));
    }
}
