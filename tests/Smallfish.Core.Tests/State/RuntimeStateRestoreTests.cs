using Smallfish.Core.State;
using static Smallfish.Core.Tests.State.StateTestKit;

namespace Smallfish.Core.Tests.State;

public class RuntimeStateRestoreTests
{
    private static DailyTotals Today(long dayStart) => new(dayStart, -42.5m, -2.25, 3.0, 4, 3, 1, 2, 1);

    [Test]
    public void Restore_SameDay_CountersPeakKillSwitchAndLastLossCarryOver()
    {
        long start = Midnight + 5 * 3_600 * Second;
        var s = new RuntimeState(Symbols, 1_000m, start);
        var kill = new KillSwitchStatus(true, KillSwitchReason.DailyLossR, "daily loss 10 R", start - 60 * Second, 0, 2);

        s.Restore(new RestoredState(950m, 1_100m, Today(Midnight), kill, start - 30 * Second), start);

        Assert.Multiple(() =>
        {
            Assert.That(s.Daily.Snapshot(), Is.EqualTo(Today(Midnight)));
            Assert.That((s.Equity.Equity, s.Equity.PeakEquity), Is.EqualTo((950m, 1_100m)));
            Assert.That(s.Equity.DrawdownPct, Is.EqualTo(150.0 / 1_100 * 100).Within(1e-9), "drawdown tiers see the old peak");
            Assert.That(s.KillSwitch.Snapshot(), Is.EqualTo(kill));
            Assert.That(s.LastLossNs, Is.EqualTo(start - 30 * Second));
        });
    }

    [Test]
    public void Restore_CountersOfADayThatIsOver_StartsTheDayAtZero()
    {
        long start = Midnight + Day + 60 * Second;
        var s = new RuntimeState(Symbols, 1_000m, start);

        s.Restore(new RestoredState(Daily: Today(Midnight)), start);

        Assert.Multiple(() =>
        {
            Assert.That(s.Daily.TradeCount, Is.Zero);
            Assert.That(s.Daily.DayStartNs, Is.EqualTo(Midnight + Day));
            Assert.That(s.Equity.Equity, Is.EqualTo(1_000m), "no equity given: unchanged");
        });
    }
}
