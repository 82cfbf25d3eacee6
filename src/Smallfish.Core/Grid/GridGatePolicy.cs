using Smallfish.Core.Risk;

namespace Smallfish.Core.Grid;

/// <summary>
/// How each gate answer acts on the grid. Take-profits only ever reduce inventory, so only the kill switch removes them.
/// <list type="table">
/// <item><term><see cref="GateReason.Pass"/></term><description><see cref="GridGateAction.Run"/>.</description></item>
/// <item><term><see cref="GateReason.KillSwitch"/></term><description><see cref="GridGateAction.CancelAll"/>, flattening
/// when <c>Risk:KillSwitch:FlattenOnKill</c>; the grid re-arms from a fresh center once the gate passes again.</description></item>
/// <item><term><see cref="GateReason.FundingWindow"/>, <see cref="GateReason.DailyLossLimit"/>,
/// <see cref="GateReason.Halted"/></term><description><see cref="GridGateAction.CancelLevels"/>: stay out of new
/// inventory for the whole window (the fusion path stays flat around funding; the grid at least stops adding), keep
/// closing what it holds.</description></item>
/// <item><term><see cref="GateReason.Reconciling"/></term><description><see cref="GridGateAction.Hold"/>: after a
/// restart nothing new is placed until the takeover of the exchange's orders and positions is complete.</description></item>
/// <item><term>every other reason (spread, feed latency, book invalid or stale, cooldown, margin, ...)</term>
/// <description><see cref="GridGateAction.Hold"/>: the condition is usually brief and resting orders away from the
/// touch are not at risk from it, so they keep their queue places; nothing new is placed.</description></item>
/// </list>
/// </summary>
public static class GridGatePolicy
{
    /// <summary>The action for <paramref name="reason"/>.</summary>
    public static GridGateAction ActionFor(GateReason reason) => reason switch
    {
        GateReason.Pass => GridGateAction.Run,
        GateReason.KillSwitch => GridGateAction.CancelAll,
        GateReason.FundingWindow or GateReason.DailyLossLimit or GateReason.Halted => GridGateAction.CancelLevels,
        GateReason.Reconciling => GridGateAction.Hold,
        _ => GridGateAction.Hold,
    };
}
