using Smallfish.Core.MarketData;
using static Smallfish.Core.Tests.MarketData.MarketTestKit;

namespace Smallfish.Core.Tests.MarketData;

public class TradeTapeArithmeticTests
{
    [Test]
    public void Window_HandMadeTrades_VwapCvdVolumeAndRate()
    {
        var tape = new TradeTape(Options());
        tape.Add(Buy(T0, 100, 2), T0);
        tape.Add(Sell(T0 + 100 * Ms, 102, 1), T0 + 100 * Ms);
        tape.Add(Buy(T0 + 200 * Ms, 101, 3), T0 + 200 * Ms);

        ref readonly var w = ref tape.Window(tape.IndexOfWindow(1_000));
        Assert.That(w.BuyLots, Is.EqualTo(5));
        Assert.That(w.SellLots, Is.EqualTo(1));
        Assert.That(w.VolumeLots, Is.EqualTo(6));
        Assert.That(w.CvdLots, Is.EqualTo(4));
        Assert.That(w.Count, Is.EqualTo(3));
        Assert.That(w.NotionalTickLots, Is.EqualTo(200 + 102 + 303));
        Assert.That(w.VwapTicks, Is.EqualTo(605.0 / 6).Within(1e-12));
        Assert.That(w.CvdNorm, Is.EqualTo(4.0 / 6).Within(1e-12));
        Assert.That(w.TradesPerSecond, Is.EqualTo(3.0));
        Assert.That(tape.Window(tape.IndexOfWindow(5_000)).TradesPerSecond, Is.EqualTo(0.6).Within(1e-12));
        Assert.That(tape.SessionVwapTicks, Is.EqualTo(605.0 / 6).Within(1e-12));
        Assert.That(tape.CvdTotalLots, Is.EqualTo(4));
    }

    [Test]
    public void Window_AfterOldestLeaves_SumsMatchRemainingTrades()
    {
        var tape = new TradeTape(Options());
        tape.Add(Buy(T0, 100, 2), T0);
        tape.Add(Sell(T0 + 600 * Ms, 110, 5), T0 + 600 * Ms);
        tape.Advance(T0 + 1_000 * Ms);
        ref readonly var w = ref tape.Window(tape.IndexOfWindow(1_000));
        Assert.That(w.BuyLots, Is.EqualTo(0));
        Assert.That(w.SellLots, Is.EqualTo(5));
        Assert.That(w.VwapTicks, Is.EqualTo(110));
        Assert.That(w.CvdLots, Is.EqualTo(-5));
        Assert.That(tape.SessionVwapTicks, Is.EqualTo((200.0 + 550) / 7).Within(1e-12), "the session keeps both");
    }

    [Test]
    public void Window_Empty_VwapNaNAndNeutralRatios()
    {
        var tape = new TradeTape(Options());
        tape.Advance(T0);
        ref readonly var w = ref tape.Window(0);
        Assert.That(double.IsNaN(w.VwapTicks), Is.True);
        Assert.That(w.CvdNorm, Is.EqualTo(0));
        Assert.That(double.IsNaN(tape.SessionVwapTicks), Is.True);
    }

    [Test]
    public void Advance_PastUtcMidnight_SessionRestartsAtMidnightButRunningCvdDoesNot()
    {
        long midnight = T0 - T0 % (86_400 * Second) + 86_400 * Second;
        var tape = new TradeTape(Options(o => o.SessionResetHourUtc = 0));
        tape.Add(Buy(midnight - 500 * Ms, 100, 4), midnight - 500 * Ms);
        tape.Add(Sell(midnight - 1, 200, 1), midnight - 1);
        Assert.That(tape.SessionVolumeLots, Is.EqualTo(5));

        tape.Add(Buy(midnight + 500 * Ms, 300, 2), midnight + 500 * Ms);
        Assert.That(tape.SessionStartNs, Is.EqualTo(midnight));
        Assert.That(tape.SessionVolumeLots, Is.EqualTo(2));
        Assert.That(tape.SessionVwapTicks, Is.EqualTo(300));
        Assert.That(tape.SessionCvdLots, Is.EqualTo(2));
        Assert.That(tape.CvdTotalLots, Is.EqualTo(5));
        Assert.That(tape.Window(tape.IndexOfWindow(5_000)).Count, Is.EqualTo(3), "windows do not care about sessions");
    }

    [Test]
    public void Advance_SessionResetDisabled_SessionKeepsEverything()
    {
        long midnight = T0 - T0 % (86_400 * Second) + 86_400 * Second;
        var tape = new TradeTape(Options(o => o.SessionResetHourUtc = -1));
        tape.Add(Buy(midnight - Second, 100, 1), midnight - Second);
        tape.Add(Buy(midnight + Second, 300, 1), midnight + Second);
        Assert.That(tape.SessionVwapTicks, Is.EqualTo(200));
    }

    [Test]
    public void ResetSession_Explicit_StartsFresh()
    {
        var tape = new TradeTape(Options());
        tape.Add(Buy(T0, 100, 1), T0);
        tape.ResetSession(T0 + Ms);
        tape.Add(Sell(T0 + 2 * Ms, 120, 3), T0 + 2 * Ms);
        Assert.That(tape.SessionVwapTicks, Is.EqualTo(120));
        Assert.That(tape.SessionCvdLots, Is.EqualTo(-3));
        Assert.That(tape.CvdTotalLots, Is.EqualTo(-2));
    }
}
