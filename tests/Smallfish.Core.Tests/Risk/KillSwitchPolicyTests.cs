using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Risk;
using Smallfish.Core.State;

namespace Smallfish.Core.Tests.Risk;

public class KillSwitchPolicyTests
{
    private const long T = 1_700_000_000L * 1_000_000_000;

    private static RuntimeState NewState() => new(["BTCUSDT"], 10_000m, T);

    private static TradeResult Loss(double r, long closed) =>
        new("BTCUSDT", Side.Buy, 100m, 99m, 1m, -100m, 0m, 0m, (decimal)(-100 * -r), r, 0m, 0m, closed - 1, closed, ExitReason.StopLoss, 0);

    [Test]
    public void OnSlippage_BelowTheThreshold_IsNotABreach()
    {
        var state = NewState();
        var policy = KillSwitchPolicy.FromOptions(new RiskOptions());
        Assert.That(policy.OnSlippage(state, 2, 3, T), Is.False);
        Assert.That(state.Daily.SlippageBreaches, Is.Zero);
    }

    [Test]
    public void OnSlippage_ThirdBreach_TripsOnce()
    {
        var state = NewState();
        var policy = KillSwitchPolicy.FromOptions(new RiskOptions());
        Assert.That(policy.OnSlippage(state, 3, 3, T), Is.False);
        Assert.That(policy.OnSlippage(state, 7, 3, T), Is.False);
        Assert.That(policy.OnSlippage(state, 4, 3, T), Is.True);
        Assert.That(policy.OnSlippage(state, 9, 3, T), Is.False, "already tripped");
        Assert.That(state.KillSwitch.Reason, Is.EqualTo(KillSwitchReason.SlippageBreaches));
    }

    [Test]
    public void CheckLimits_DailyLossReached_Trips()
    {
        var state = NewState();
        var policy = KillSwitchPolicy.FromOptions(new RiskOptions { DailyLossLimitR = 2 });
        state.OnExit(Loss(-1.2, T + 1));
        Assert.That(policy.CheckLimits(state, T + 1), Is.False);
        state.OnExit(Loss(-0.9, T + 2));
        Assert.That(policy.CheckLimits(state, T + 2), Is.True);
        Assert.That(state.KillSwitch.Reason, Is.EqualTo(KillSwitchReason.DailyLossR));
    }

    [Test]
    public void Resume_AfterATrip_IsTheOnlyReset()
    {
        var state = NewState();
        var policy = new KillSwitchPolicy(new DailyLimits(10, 0, 3), flattenOnKill: true);
        Assert.That(policy.Trip(state, KillSwitchReason.Manual, T, "test"), Is.True);
        Assert.That(policy.MustFlatten(state), Is.True);
        state.OnTime(T + DailyCounters.DayNs); // a new day does not reset it
        Assert.That(state.KillSwitch.IsTripped, Is.True);
        Assert.That(policy.Resume(state, T + DailyCounters.DayNs), Is.True);
        Assert.That(policy.MustFlatten(state), Is.False);
    }

    [Test]
    public void MustFlatten_KeepPositionsConfigured_False()
    {
        var state = NewState();
        var policy = new KillSwitchPolicy(new DailyLimits(10, 0, 3), flattenOnKill: false);
        policy.Trip(state, KillSwitchReason.DataFault, T);
        Assert.That(policy.MustFlatten(state), Is.False);
    }
}
