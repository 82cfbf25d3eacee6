using Smallfish.Core.Configuration;
using Smallfish.Core.State;

namespace Smallfish.Core.Risk;

/// <summary>
/// When the kill switch trips and what it then does. It trips on the day's loss limit (R), on repeated slippage
/// breaches, on an explicit command, or on a fault the host detects; once tripped it blocks new entries (the
/// <see cref="GateReason.KillSwitch"/> gate) and, when <see cref="FlattenOnKill"/> is set, the engine closes open
/// positions at market (otherwise they stay under their exchange-side stops). Only <see cref="Resume"/> resets it.
/// Holds no state of its own: the switch lives in <see cref="RuntimeState"/>.
/// </summary>
public sealed class KillSwitchPolicy
{
    /// <summary>Creates the policy from the daily limits and whether a trip flattens positions.</summary>
    public KillSwitchPolicy(DailyLimits limits, bool flattenOnKill)
    {
        Limits = limits;
        FlattenOnKill = flattenOnKill;
    }

    /// <summary>Creates the policy from <c>Smallfish:Risk</c>.</summary>
    public static KillSwitchPolicy FromOptions(RiskOptions risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return new KillSwitchPolicy(DailyLimits.FromOptions(risk), risk.KillSwitch.FlattenOnKill);
    }

    /// <summary>The limits whose breach trips the switch.</summary>
    public DailyLimits Limits { get; }

    /// <summary>True when a trip also closes open positions at market.</summary>
    public bool FlattenOnKill { get; }

    /// <summary>
    /// Checks the day's counters (after a closed trade or a slippage breach) and trips the switch on a breached limit.
    /// Returns true when this call tripped it.
    /// </summary>
    public bool CheckLimits(RuntimeState state, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(state);
        bool was = state.KillSwitch.IsTripped;
        state.CheckDailyLimits(Limits, nowNs);
        return !was && state.KillSwitch.IsTripped;
    }

    /// <summary>
    /// Measures one fill's slippage: <paramref name="slippageTicks"/> at or above <paramref name="breachTicks"/> is a
    /// breach, counted for the day, and the limits are checked. Returns true when this breach tripped the switch.
    /// </summary>
    public bool OnSlippage(RuntimeState state, long slippageTicks, long breachTicks, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (breachTicks <= 0 || slippageTicks < breachTicks) return false;
        state.RecordSlippageBreach(nowNs);
        return CheckLimits(state, nowNs);
    }

    /// <summary>Trips the switch by command or on a detected fault. Returns true when this call tripped it.</summary>
    public bool Trip(RuntimeState state, KillSwitchReason reason, long nowNs, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TripKillSwitch(reason, nowNs, detail);
    }

    /// <summary>Resumes trading: the explicit act that resets the switch. Returns false when it was not tripped.</summary>
    public bool Resume(RuntimeState state, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ResumeFromKillSwitch(nowNs);
    }

    /// <summary>True while open positions must be closed: the switch is tripped and the policy flattens.</summary>
    public bool MustFlatten(RuntimeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return FlattenOnKill && state.KillSwitch.IsTripped;
    }
}
